package dev.sessiondb.ui.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SideBySideTest {

    @Test
    void nestedObjectsAndArraysAreLaidOutWithTheDiffEnginesPathsAndIndented() throws Exception {
        JsonNode a = JsonCodec.parse("{\"session\":\"s\",\"pullRequest\":{\"state\":\"open\"},\"labels\":[\"x\",\"y\"]}");
        JsonNode b = JsonCodec.parse("{\"session\":\"s\",\"pullRequest\":{\"state\":\"merged\"},\"labels\":[\"x\"]}");

        List<FieldRow> rows = SideBySide.rows(a, b, List.of("pullRequest.state", "labels[1]"), List.of());

        assertThat(rows).extracting(FieldRow::path, FieldRow::name, FieldRow::a, FieldRow::b, FieldRow::state).containsExactly(
                tuple("session", "session", "s", "s", FieldRow.State.SAME),
                tuple("pullRequest", "pullRequest", "{ 1 field }", "{ 1 field }", FieldRow.State.CONTAINS_CHANGES),
                tuple("pullRequest.state", "    state", "open", "merged", FieldRow.State.CHANGED),
                tuple("labels", "labels", "[ 2 items ]", "[ 1 item ]", FieldRow.State.CONTAINS_CHANGES),
                tuple("labels[0]", "    [0]", "x", "x", FieldRow.State.SAME),
                tuple("labels[1]", "    [1]", "y", SideBySide.ABSENT, FieldRow.State.CHANGED));
    }

    /** A token kept as a name is masked in the row, which is still marked changed (the engine's path names it whole). */
    @Test
    void aChangeUnderANameThatIsATokenIsMarkedUnderItsMaskedName() throws Exception {
        String record = "{\"session\":\"s\",\"repoName\":\"r\",\"cache\":{\"ghp_KEYASNAMEabcdefghijklmnopqrstuv12\":\"%s\"}}";
        SessionRecord a = SessionRecord.of(JsonCodec.parseObject(record.formatted("first")));
        SessionRecord b = SessionRecord.of(JsonCodec.parseObject(record.formatted("second")));

        List<FieldRow> rows = SideBySide.compare(Optional.of(a), Optional.of(b), List.of());

        assertThat(rows).extracting(FieldRow::path, FieldRow::a, FieldRow::b, FieldRow::state)
                .contains(tuple("cache.****uv12", "first", "second", FieldRow.State.CHANGED));
        assertThat(rows).noneMatch(row -> row.path().contains("KEYASNAME") || row.name().contains("KEYASNAME"));
    }

    @Test
    void aFieldThatChangedTypeMarksEverythingBelowItChanged() throws Exception {
        JsonNode a = JsonCodec.parse("{\"remote\":{\"depth\":1}}");
        JsonNode b = JsonCodec.parse("{\"remote\":\"ssh\"}");

        List<FieldRow> rows = SideBySide.rows(a, b, List.of("remote"), List.of());

        assertThat(rows).extracting(FieldRow::path, FieldRow::b, FieldRow::state).containsExactly(
                tuple("remote", "ssh", FieldRow.State.CHANGED),
                tuple("remote.depth", SideBySide.ABSENT, FieldRow.State.CHANGED));
    }

    /** An empty text showed as a blank cell, which read as no value: it shows as two quotes, as a repair's preview shows it. */
    @Test
    void anEmptyTextIsShownAsTwoQuotesNotAsABlankCell() throws Exception {
        JsonNode a = JsonCodec.parse("{\"branch\":\"\",\"repoName\":\"r\"}");
        JsonNode b = JsonCodec.parse("{\"branch\":\"main\"}");

        List<FieldRow> rows = SideBySide.rows(a, b, List.of("branch", "repoName"), List.of());

        assertThat(rows).extracting(FieldRow::path, FieldRow::a, FieldRow::b).containsExactly(
                tuple("branch", "\"\"", "main"),
                tuple("repoName", "r", SideBySide.ABSENT));
    }

    @Test
    void ignoredFieldsAndWhatIsBelowThemAreMarkedIgnored() throws Exception {
        JsonNode a = JsonCodec.parse("{\"github\":{\"token\":\"****1234\"},\"branch\":\"main\"}");

        List<FieldRow> rows = SideBySide.rows(a, a, List.of(), List.of("github"));

        assertThat(rows).extracting(FieldRow::path, FieldRow::state).containsExactly(
                tuple("github", FieldRow.State.IGNORED), tuple("github.token", FieldRow.State.IGNORED), tuple("branch", FieldRow.State.SAME));
    }

    @Test
    void aChangedValueShowsWhatCannotBeSeenAndALongOneWhereTheTwoPart() throws Exception {
        JsonNode a = JsonCodec.parse("{\"z\":\"ab\",\"n\":\"caf\u00e9\",\"long\":\"" + "x".repeat(1_000) + "\"}");
        JsonNode b = JsonCodec.parse("{\"z\":\"a\u200bb\",\"n\":\"cafe\u0301\",\"long\":\"" + "x".repeat(999) + "y\"}");

        List<FieldRow> rows = SideBySide.rows(a, b, List.of("z", "n", "long"), List.of());

        assertThat(rows).extracting(FieldRow::path, FieldRow::a, FieldRow::b).containsExactly(
                tuple("z", "ab", "a\\u200bb (differs only in invisible or space-like characters)"),
                tuple("n", "caf\u00e9", "cafe\u0301 (differs only in Unicode normalisation (NFC vs NFD))"),
                tuple("long", "…" + "x".repeat(20) + "[x] (at character 1,000 of 1,000)", "…" + "x".repeat(20) + "[y] (at character 1,000 of 1,000)"));
    }
}
