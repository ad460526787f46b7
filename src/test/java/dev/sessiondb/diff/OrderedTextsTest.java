package dev.sessiondb.diff;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderedTextsTest {

    @Test
    void aKeyNotAfterTheOneBeforeStopsTheDiffNamingStoreAndKeys() {
        assertThatCode(() -> OrderedTexts.requireAfter(null, "a", "sqlite:x.db")).doesNotThrowAnyException();
        assertThatCode(() -> OrderedTexts.requireAfter("a\uE000", "a\uD83D\uDE00", "sqlite:x.db")).doesNotThrowAnyException();

        assertThatThrownBy(() -> OrderedTexts.requireAfter("b", "a", "postgresql://h/db"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("postgresql://h/db: session a came after b, out of binary key order (a PostgreSQL database whose encoding is not UTF8?);"
                        + " diff it through an export to JSON");
        assertThatThrownBy(() -> OrderedTexts.requireAfter("a", "a", "sqlite:x.db")).isInstanceOf(IllegalStateException.class);
    }
}
