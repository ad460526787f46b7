package dev.sessiondb.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/** A user audit: a diff printed a 100,000-character value whole, a 200,018-character line, to show that one character differs. */
class LongValueDiffTest {

    private static FieldChange change(String path, String a, String b) {
        return new FieldChange(path, a == null ? null : TextNode.valueOf(a), b == null ? null : TextNode.valueOf(b));
    }

    @Test
    void aLongValueIsShownByWhereTheTwoPartWithTheOffset() {
        FieldChange change = change("long", "x".repeat(100_000), "x".repeat(99_999) + "y");

        assertThat(change.describe()).isEqualTo("long: …" + "x".repeat(20) + "[x -> y] at character 100,000 of 100,000");
    }

    @Test
    void aLongValueShowsContextOnBothSidesAndBothLengthsAndCutsALongMiddle() {
        String start = "a".repeat(300);
        String end = "z".repeat(300);

        assertThat(change("t", start + "MID" + end, start + end).describe())
                .isEqualTo("t: …" + "a".repeat(20) + "[MID -> ]" + "z".repeat(20) + "… at character 301 of 603 -> 600");
        assertThat(change("t", start + "b".repeat(500) + end, start + "c" + end).describe())
                .isEqualTo("t: …" + "a".repeat(20) + "[" + "b".repeat(60) + "… (440 more) -> c]" + "z".repeat(20) + "… at character 301 of 1,100 -> 601");
    }

    @Test
    void aLongValueCountsAPairOfSurrogatesAsOneCharacterAndNeverSplitsOne() {
        String rocket = "\ud83d\ude80";
        String a = rocket.repeat(150) + "\ud83d\ude81";
        String b = rocket.repeat(150) + "\ud83d\ude82";

        assertThat(change("e", a, b).describe()).isEqualTo("e: …" + rocket.repeat(10) + "[\ud83d\ude81 -> \ud83d\ude82] at character 151 of 151");
    }

    @Test
    void aLongValueAgainstNoneIsCutWithItsLength() {
        assertThat(change("t", "q".repeat(1_000), null).describe()).isEqualTo("t: \"" + "q".repeat(199) + "… (1,002 characters) -> (absent)");
    }

    @Test
    void aLongSecretWhoseMaskedSidesReadTheSameIsCutOnBothSidesWithTheNote() {
        String masked = "password=****" + " and more".repeat(30);

        assertThat(change("command", masked, masked).describe()).isEqualTo("command: " + LongTextDifference.cut("\"" + masked + "\"")
                + " -> " + LongTextDifference.cut("\"" + masked + "\"") + " (differs only in the masked secret)");
        assertThat(LongTextDifference.cut("\"" + masked + "\"")).endsWith("… (285 characters)");
    }
}
