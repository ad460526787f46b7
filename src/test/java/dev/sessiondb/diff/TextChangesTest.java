package dev.sessiondb.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A long value edited in several places: a diff showed one span from the first edit to the last, so a 40-line commit
 * message with one word changed, one line inserted and one line rewritten read as a 1,200-character change.
 */
class TextChangesTest {

    private static final List<String> MESSAGE = IntStream.range(0, 40)
            .mapToObj(i -> "line " + i + " of the commit message, with some words").toList();

    private static String lines(List<String> lines) {
        return String.join("\n", lines);
    }

    private static FieldChange change(String a, String b) {
        return new FieldChange("lastCommitMessage", TextNode.valueOf(a), TextNode.valueOf(b));
    }

    @Test
    void aMessageEditedInThreePlacesNamesEachPlaceInItsContext() {
        List<String> edited = new ArrayList<>(MESSAGE);
        edited.set(3, "line 3 of the commit message, with other words");
        edited.set(30, "line thirty changed");
        edited.add(20, "an inserted line");

        assertThat(change(lines(MESSAGE), lines(edited)).describe()).isEqualTo("lastCommitMessage: 3 places differ, of 1,869 -> 1,860 characters: "
                + "…ommit message, with [some -> other] words\nline 4 of the… at character 174; "
                + "…ge, with some words\n[ -> an inserted line\n]line 20 of the commi… at character 931; "
                + "…ith some words\nline [30 of the commit message, with some words -> thirty changed]\nline 31 of the comm… at character 1,406");
    }

    @Test
    void eachPlaceIsWhereItsTextsDifferInBothTexts() {
        String sentence = "the quick brown fox jumps over the lazy dog; ";
        String a = sentence.repeat(6);
        String b = sentence.replace("lazy", "sleepy") + sentence.repeat(3) + sentence.replace("quick", "slow") + sentence;

        List<TextChanges.Place> places = TextChanges.of(a, b).orElseThrow().places();

        assertThat(places).hasSize(2);
        StringBuilder rebuilt = new StringBuilder(a);
        for (int i = places.size() - 1; i >= 0; i--) {
            TextChanges.Place place = places.get(i);
            rebuilt.replace(place.startA(), place.endA(), b.substring(place.startB(), place.endB()));
        }
        assertThat(rebuilt).as("B is A with each place's text replaced").hasToString(b);
        assertThat(places).extracting(place -> a.substring(place.startA(), place.endA()) + " -> " + b.substring(place.startB(), place.endB()))
                .containsExactly("lazy -> sleepy", "quick -> slow");
    }

    @Test
    void neighbouringWordsEditedTogetherAreOnePlace() {
        String a = "x".repeat(250) + " the quick brown fox";
        String b = "x".repeat(250) + " the slow red fox";

        assertThat(TextChanges.of(a, b).orElseThrow().places()).singleElement()
                .satisfies(place -> assertThat(b.substring(place.startB(), place.endB())).isEqualTo("slow red"));
        assertThat(change(a, b).describe()).as("one place reads as before: where the texts part")
                .isEqualTo("lastCommitMessage: …xxxxxxxxxxxxxxx the [quick brown -> slow red] fox at character 256 of 270 -> 267");
    }

    @Test
    void pastThreePlacesTheLineCountsTheRest() {
        String a = IntStream.range(0, 60).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
        String b = a.replace("word10 ", "WORD10 ").replace("word20 ", "WORD20 ").replace("word30 ", "WORD30 ")
                .replace("word40 ", "WORD40 ").replace("word50 ", "WORD50 ");

        assertThat(change(a, b).describe()).contains("5 places differ", "[word10 -> WORD10]", "[word30 -> WORD30]", "; and 2 more")
                .doesNotContain("WORD40");
    }

    @Test
    void aTextRewrittenWholeIsToldApartByOneSpan() {
        String a = IntStream.range(0, 6_000).mapToObj(i -> "a" + i).collect(Collectors.joining(" "));
        String b = IntStream.range(0, 6_000).mapToObj(i -> "b" + i).collect(Collectors.joining(" "));

        assertThat(TextChanges.of(a, b)).isEmpty();
        assertThat(change(a, b).describe()).startsWith("lastCommitMessage: [a0 a1").contains(" at character 1 of ");
    }

    @Test
    void aPlaceNeverSplitsAPairOfSurrogates() {
        String rocket = "\ud83d\ude80";
        String a = rocket.repeat(120) + " one " + rocket.repeat(120) + " two";
        String b = rocket.repeat(120) + " ONE " + rocket.repeat(119) + "\ud83d\ude81 two";

        List<TextChanges.Place> places = TextChanges.of(a, b).orElseThrow().places();

        assertThat(places).extracting(place -> b.substring(place.startB(), place.endB())).containsExactly("ONE", "\ud83d\ude81");
        assertThat(change(a, b).describe()).contains("at character 122;", "at character 245");
    }

    @Test
    void aSecretNearAnEditIsMaskedInThePlaces() {
        String token = "ghp_" + "a".repeat(36);
        String a = "deploy with " + token + " then " + "wait ".repeat(60) + "and finish";
        String b = "deploy using " + token + " then " + "wait ".repeat(60) + "and stop";

        String shown = change(a, b).masked().describe();

        assertThat(shown).doesNotContain(token).contains("2 places differ", "[with -> using]", "[finish -> stop]");
    }
}
