package dev.sessiondb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            2025-05-16T22:16:33.321Z,       2025-05-16T22:16:33.321Z
            2025-05-16T22:16:33Z,           2025-05-16T22:16:33Z
            2025-05-17T00:16:33.321+02:00,  2025-05-16T22:16:33.321Z
            2025-05-16 22:16:33,            2025-05-16T22:16:33Z
            2025-05-16T22:16:33.321,        2025-05-16T22:16:33.321Z
            1747433793321,                  2025-05-16T22:16:33.321Z
            2024-02-29T23:59:59.999Z,       2024-02-29T23:59:59.999Z
            """)
    void parsesTheDateShapesSeenInRealStores(String text, String expected) {
        Timestamp timestamp = Timestamp.parse(text);
        assertThat(timestamp.instant()).isEqualTo(Instant.parse(expected));
        assertThat(timestamp.text()).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"2025-02-30T00:00:00Z", "2025-13-01T00:00:00Z", "2025-05-16T24:00:00Z", "2025-05-16T22:16:60Z", "2025-05-16T22:16:33.32xZ"})
    void datesThatDoNotExistDoNotParse(String text) {
        assertThat(Timestamp.parse(text).isValid()).isFalse();
    }

    @Test
    void keepsTheOriginalTextWhenItDoesNotParse() {
        Timestamp timestamp = Timestamp.parse("last tuesday");
        assertThat(timestamp.isValid()).isFalse();
        assertThat(timestamp.text()).isEqualTo("last tuesday");
        assertThat(timestamp.sortable()).isEmpty();
    }

    @Test
    void sortableTextOrdersLikeTheInstants() {
        String earlier = Timestamp.parse("2025-05-16T22:16:33Z").sortable().orElseThrow();
        String later = Timestamp.parse("2025-05-16T22:16:33.5Z").sortable().orElseThrow();
        assertThat(earlier).isEqualTo("2025-05-16T22:16:33.000Z");
        assertThat(earlier).isLessThan(later);
    }

    @ParameterizedTest
    @CsvSource({"2025-05-16T22:16:33Z, true", "2025-05-16T22:16:33.321Z, true", "2025-05-16T22:16:33.5Z, false",
            "2025-05-16T22:16:33.321+02:00, false", "2025-05-16 22:16:33Z, false", "2025-05-16T22:16:3xZ, false",
            "2025-05-16T22:16:33.3210Z, false", "20250516T221633Z, false", "1747433793321, false"})
    void thePlainUtcShapeIsTheCommonestMinskyFormOnly(String text, boolean plain) {
        assertThat(Timestamp.hasPlainUtcShape(text)).isEqualTo(plain);
    }
}
