package dev.sessiondb.ui.wizard.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.job.repair.NotWritten;
import dev.sessiondb.job.repair.RecordChange;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The window's preview says what the store cannot hold, as the dry run does. */
class ChangeLineTest {

    @Test
    void aFieldTheStoreCannotHoldIsShownAsNotKeptAndARefusedRecordAsNotWritten() {
        ObjectNode after = JsonCodec.MAPPER.createObjectNode().put("session", "md#091").put("repoName", "edobry/minsky");
        RecordChange change = new RecordChange("md#091", Optional.empty(), SessionRecord.of(after), List.of("workspace-unregistered"), List.of("branch"));

        assertThat(ChangeLine.of(change)).containsExactly(
                new ChangeLine("md#091 (new)", "session", ChangeLine.ABSENT, "md#091"),
                new ChangeLine("md#091 (new)", "repoName", ChangeLine.ABSENT, "edobry/minsky"),
                new ChangeLine("md#091 (new)", "branch", ChangeLine.ABSENT, "not kept — this store's layout has no branch column"));
        assertThat(ChangeLine.of(new NotWritten("081", List.of("workspace-unregistered"), "has no repoName, which Minsky's column repoName requires")))
                .isEqualTo(new ChangeLine("081", ChangeLine.ABSENT, ChangeLine.ABSENT, "not written: has no repoName, which Minsky's column repoName requires"));
    }

    @Test
    void aSecretTheRepairRemovesIsShownAsRemovedNotAsTheMaskGoing() {
        ObjectNode before = JsonCodec.MAPPER.createObjectNode().put("session", "a").put("Password", "UpperPass1");
        ObjectNode after = JsonCodec.MAPPER.createObjectNode().put("session", "a");
        RecordChange change = new RecordChange("a", Optional.of(SessionRecord.of(before)), SessionRecord.of(after), List.of("secret-in-record"), List.of());

        assertThat(ChangeLine.of(change)).containsExactly(new ChangeLine("a", "Password", "****", "removed (a secret)"));
    }

    /** An audit: the preview showed a 5,000-character value whole in its cell, the change somewhere inside it. */
    @Test
    void aLongValueIsShownByWhereItChangesAndAnInvisibleCharacterAsItsEscape() {
        String long1 = "x".repeat(5_000);
        ObjectNode before = JsonCodec.MAPPER.createObjectNode().put("session", "a").put("log", long1 + "old").put("repoName", "acme");
        ObjectNode after = JsonCodec.MAPPER.createObjectNode().put("session", "a").put("log", long1 + "new").put("repoName", "ac\u200bme");
        RecordChange change = new RecordChange("a", Optional.of(SessionRecord.of(before)), SessionRecord.of(after), List.of("malformed-field"), List.of());

        assertThat(ChangeLine.of(change)).containsExactly(
                new ChangeLine("a", "log", "…" + "x".repeat(20) + "[old] (at character 5,001 of 5,003)", "…" + "x".repeat(20) + "[new] (at character 5,001 of 5,003)"),
                new ChangeLine("a", "repoName", "acme", "ac\\u200bme (differs only in invisible or space-like characters)"));
    }

    /** A walk: field-type's fix of commitCount read "12 → 12" in the preview, a change that seemed to change nothing; the dry run says "12" -> 12. */
    @Test
    void aValueWhoseTypeTheFixChangesIsShownAsWrittenSoTheChangeShows() {
        ObjectNode before = JsonCodec.MAPPER.createObjectNode().put("session", "a").put("commitCount", "12").put("taskId", 79).put("prApproved", "true");
        ObjectNode after = JsonCodec.MAPPER.createObjectNode().put("session", "a").put("commitCount", 12).put("taskId", "79").put("prApproved", true);
        RecordChange change = new RecordChange("a", Optional.of(SessionRecord.of(before)), SessionRecord.of(after), List.of("field-type"), List.of());

        assertThat(ChangeLine.of(change)).containsExactlyInAnyOrder(
                new ChangeLine("a", "commitCount", "\"12\"", "12"),
                new ChangeLine("a", "taskId", "79", "\"79\""),
                new ChangeLine("a", "prApproved", "\"true\"", "true"));
    }

    /** A walk: a "before" that was an empty text showed a blank cell, beside "—" for a field that was not there, so the two read alike. */
    @Test
    void anEmptyTextIsShownAsTwoQuotesAndAnAbsentFieldAsADash() {
        ObjectNode before = JsonCodec.MAPPER.createObjectNode().put("session", "a").put("repoName", "");
        ObjectNode after = JsonCodec.MAPPER.createObjectNode().put("session", "a").put("repoName", "acme").put("taskId", "md#1");
        RecordChange change = new RecordChange("a", Optional.of(SessionRecord.of(before)), SessionRecord.of(after), List.of("required-field"), List.of());

        assertThat(ChangeLine.of(change)).containsExactlyInAnyOrder(
                new ChangeLine("a", "repoName", "\"\"", "acme"),
                new ChangeLine("a", "taskId", ChangeLine.ABSENT, "md#1"));
    }
}
