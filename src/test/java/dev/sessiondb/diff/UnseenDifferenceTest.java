package dev.sessiondb.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/** A user audit: a diff showed "ab" -> "ab" for a zero-width space, "café" -> "café" for NFC against NFD. */
class UnseenDifferenceTest {

    private static FieldChange change(String path, String a, String b) {
        return new FieldChange(path, a == null ? null : TextNode.valueOf(a), b == null ? null : TextNode.valueOf(b));
    }

    @Test
    void aDifferenceOnlyInNormalisationIsSaidWithEachSidesForm() {
        assertThat(change("n", "caf\u00e9", "cafe\u0301").describe())
                .isEqualTo("n: \"caf\u00e9\" -> \"cafe\u0301\" (differs only in Unicode normalisation (NFC vs NFD))");
        assertThat(change("n", "cafe\u0301", "caf\u00e9").note()).contains("differs only in Unicode normalisation (NFD vs NFC)");
        assertThat(change("n", "\u212b", "\u00c5").note()).contains("differs only in Unicode normalisation (neither NFC nor NFD vs NFC)");
    }

    @Test
    void aDifferenceOnlyInInvisibleCharactersOrOddSpacesIsSaid() {
        assertThat(change("z", "ab", "a\u200bb").note()).contains("differs only in invisible or space-like characters");
        assertThat(change("nb", "a b", "a\u00a0b").note()).contains("differs only in invisible or space-like characters");
        assertThat(change("bom", "\ufeffx", "x").note()).contains("differs only in invisible or space-like characters");
        assertThat(change("both", "caf\u00e9\u200b", "cafe\u0301").note())
                .contains("differs only in invisible or space-like characters, and in Unicode normalisation");
    }

    @Test
    void aDifferenceThatShowsHasNoNote() {
        assertThat(change("s", "open", "merged").note()).isEmpty();
        assertThat(change("s", "a b", "ab").note()).isEmpty();
        assertThat(change("s", "a", null).note()).isEmpty();
    }

    @Test
    void unseenCharactersAreEscapedAndEveryOtherCharacterStays() {
        assertThat(UnseenText.escaped("a\u200bb\u00a0c\u2009d\u3000e\u00adf\u2028g")).isEqualTo("a\\u200bb\\u00a0c\\u2009d\\u3000e\\u00adf\\u2028g");
        assertThat(UnseenText.escaped("plain ✓ 日本 caf\u00e9 e\u0301 \ud83d\ude80")).isEqualTo("plain ✓ 日本 caf\u00e9 e\u0301 \ud83d\ude80");
    }
}
