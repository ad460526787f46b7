package dev.sessiondb.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FirstKeysTest {

    @Test
    void givesTheFirstKeyOfANormalisedKeySeenBefore() {
        FirstKeys keys = new FirstKeys();
        assertThat(keys.putIfAbsent("task 27", "task#027")).isNull();
        assertThat(keys.putIfAbsent("task 27", "#27")).isEqualTo("task#027");
        assertThat(keys.putIfAbsent("task 27", "027")).as("the first key stays the first").isEqualTo("task#027");
    }

    /** "Aa" and "BB" share a hash code, as do many pairs: keys are told apart by their characters. */
    @Test
    void tellsApartKeysWhoseHashCodesAreEqual() {
        FirstKeys keys = new FirstKeys();
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        assertThat(keys.putIfAbsent("Aa", "first Aa")).isNull();
        assertThat(keys.putIfAbsent("BB", "first BB")).isNull();
        assertThat(keys.putIfAbsent("BB", "again")).isEqualTo("first BB");
        assertThat(keys.putIfAbsent("Aa", "again")).isEqualTo("first Aa");
    }

    /** Characters are kept as they are, unpaired surrogates included, which UTF-8 bytes would not keep apart. */
    @Test
    void keepsEveryCharacterExactly() {
        FirstKeys keys = new FirstKeys();
        assertThat(keys.putIfAbsent("a\ud800", "key \ud800")).isNull();
        assertThat(keys.putIfAbsent("a\udc00", "key \udc00")).isNull();
        assertThat(keys.putIfAbsent("a\ud800", "x")).isEqualTo("key \ud800");
        assertThat(keys.putIfAbsent("\uD83D\uDE00 é", "x")).isNull();
        assertThat(keys.putIfAbsent("\uD83D\uDE00 é", "y")).isEqualTo("x");
        assertThat(keys.putIfAbsent("", "empty")).isNull();
        assertThat(keys.putIfAbsent("", "y")).isEqualTo("empty");
    }

    /** Past its first arrays' sizes, as a store of a million sessions takes it, against a map. */
    @Test
    void answersAsAMapWouldOverManyKeys() {
        FirstKeys keys = new FirstKeys();
        Map<String, String> expected = new HashMap<>();
        Random random = new Random(20261203);
        for (int i = 0; i < 200_000; i++) {
            String normalised = "task " + random.nextInt(150_000) + "x".repeat(random.nextInt(40));
            String key = "key-" + i;
            assertThat(keys.putIfAbsent(normalised, key)).as(normalised).isEqualTo(expected.get(normalised));
            expected.putIfAbsent(normalised, key);
        }
    }
}
