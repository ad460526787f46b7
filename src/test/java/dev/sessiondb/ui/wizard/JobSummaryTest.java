package dev.sessiondb.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.job.FieldChange;
import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.Refusal;
import dev.sessiondb.store.ValueChange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobSummaryTest {

    private static final Path BACKUPS = Path.of("/home/u/.sessiondb/backups");

    private static final Refusal FIELDS_REFUSAL = new Refusal(Refusal.Reason.FIELDS_TARGET_CANNOT_HOLD, "the target b cannot hold remote (2 records)",
            "use --layout native to keep every field, or pass --allow-loss to write them without those fields");

    @Test
    void aPlanThatWouldRefuseSaysWhyInItsHeadline() {
        JobPlan plan = new JobPlan("migrate a -> b", Map.of("source records", 3L), List.of(new FieldChange("remote", ValueChange.NOT_KEPT, 2)), List.of(), List.of(),
                Optional.of(Refusal.other("the target cannot hold remote (2 records)")), 0);

        JobSummary summary = JobSummary.ofPlan(plan, WizardChoices.MIGRATE);

        assertThat(summary.tone()).isEqualTo(JobSummary.Tone.BAD);
        assertThat(summary.headline()).isEqualTo("Will not run: the target cannot hold remote (2 sessions)");
        assertThat(summary.lines()).containsExactly("The target cannot hold remote (2 sessions)");
    }

    @Test
    void aPlanThatReplacesOrRemovesRecordsOfTheTargetSaysSoInsteadOfNothingIsLost() {
        JobPlan plan = new JobPlan("migrate a -> b", Map.of("target records removed", 3L), List.of(), List.of(),
                List.of("3 records of the target are removed: the source does not hold them, and a replace keeps only the source's (the backup keeps them)"),
                Optional.empty(), 1_203);

        JobSummary summary = JobSummary.ofPlan(plan, WizardChoices.MIGRATE);

        assertThat(summary.tone()).isEqualTo(JobSummary.Tone.WARNING);
        assertThat(summary.headline()).isEqualTo("Ready to run: 1,203 of the target's sessions are replaced or removed (backed up first; Undo puts them back)");
        assertThat(summary.lines()).containsExactly("3 records of the target are removed: the source does not hold them, and a replace keeps only the source's (the backup keeps them)");
    }

    /** A date cut to the millisecond was shown as "cannot hold createdAt", which read as the whole field dropped. */
    @Test
    void digitsPastTheMillisecondAreNamedAsCutApartFromFieldsDropped() {
        JobPlan plan = new JobPlan("migrate a -> b", Map.of("source records", 3L), List.of(new FieldChange("createdAt", ValueChange.DIGITS_PAST_MILLISECOND_CUT, 2),
                new FieldChange("remote", ValueChange.NOT_KEPT, 1)), List.of(), List.of(), Optional.empty(), 0);

        JobSummary summary = JobSummary.ofPlan(plan, WizardChoices.MIGRATE);

        assertThat(summary.tone()).isEqualTo(JobSummary.Tone.WARNING);
        assertThat(summary.headline()).isEqualTo("Runs with loss: the fields below are dropped or cut as each line says (allowed)");
        assertThat(summary.lines()).containsExactly("createdAt: digits past the millisecond cut (the target keeps dates to the millisecond) (2 sessions)",
                "The target cannot hold remote (1 session)");
    }

    /** An audit: a consolidation dropping versions whose values no kept version has was "Ready to run: nothing is lost". */
    @Test
    void aPlanThatDropsDifferingVersionsSaysSoInsteadOfNothingIsLost() {
        String dropped = "3 versions dropped: they differ from the kept version of their session, in extra, repoUrl, and the result will not hold those values";
        JobPlan plan = new JobPlan("consolidate a + b -> c", Map.of("superseded by another version", 3L), List.of(), List.of(),
                List.of("conflict on s1 (sources 1, 2): newest: kept the version from source 1; fields that differ: repoUrl"), Optional.empty(), 0,
                Optional.of(dropped));

        JobSummary summary = JobSummary.ofPlan(plan, WizardChoices.CONSOLIDATE);

        assertThat(summary.tone()).isEqualTo(JobSummary.Tone.WARNING);
        assertThat(summary.headline()).isEqualTo("Runs with loss: " + dropped).doesNotContain("nothing is lost");
        assertThat(summary.lines()).containsExactly("conflict on s1 (sources 1, 2): newest: kept the version from source 1; fields that differ: repoUrl");
    }

    /** A tour: a consolidation warning that the target will mix Minsky's and a chat server's sessions was headed green "Ready to run: nothing is lost". */
    @Test
    void aPlanWithAWarningIsNotHeadedAllClear() {
        String mixed = "the target will mix kinds of session: 217 Minsky sessions, 300 chat server sessions; the tools that read a store expect"
                + " sessions of their own kind only, so consolidate each kind into a store of its own unless mixing them is what you want";
        JobPlan plan = new JobPlan("consolidate a + b -> c", Map.of("records to write", 517L), List.of(), List.of(), List.of(mixed), Optional.empty(), 0);

        JobSummary summary = JobSummary.ofPlan(plan, WizardChoices.CONSOLIDATE);

        assertThat(summary.tone()).isEqualTo(JobSummary.Tone.WARNING);
        assertThat(summary.headline()).isEqualTo("Ready to run: nothing is lost, but read the warning below before you run");
        assertThat(summary.lines()).containsExactly(mixed);
    }

    @Test
    void aUuidKeptLowerCaseIsNamedButIsNoLoss() {
        JobPlan plan = new JobPlan("migrate a -> b", Map.of("source records", 3L), List.of(new FieldChange("projectId", ValueChange.KEPT_LOWER_CASE, 1)),
                List.of(), List.of(), Optional.empty(), 0);

        JobSummary summary = JobSummary.ofPlan(plan, WizardChoices.MIGRATE);

        assertThat(summary.tone()).isEqualTo(JobSummary.Tone.GOOD);
        assertThat(summary.headline()).isEqualTo("Ready to run: nothing is lost");
        assertThat(summary.lines()).containsExactly("projectId: kept lower-case (the target's uuid column gives the same UUID back in lower case) (1 session)");
    }

    @Test
    void aRefusedCutTellsTheAllowLossBoxToWriteAsTheLinesSay() {
        Refusal refusal = new Refusal(Refusal.Reason.FIELDS_TARGET_CANNOT_HOLD, "the target b would cut the digits past the millisecond of createdAt (2 records)",
                "pass --allow-loss");
        JobPlan plan = new JobPlan("migrate a -> b", Map.of("source records", 3L), List.of(new FieldChange("createdAt", ValueChange.DIGITS_PAST_MILLISECOND_CUT, 2)),
                List.of(), List.of(), Optional.of(refusal), 0);

        JobSummary summary = JobSummary.ofPlan(plan, WizardChoices.MIGRATE);

        assertThat(summary.headline()).isEqualTo("Will not run: the target b would cut the digits past the millisecond of createdAt (2 sessions);"
                + " to keep every field, choose Layout: native for a new target on the Source and target page, or tick Allow loss on the Options page"
                + " to write them as the lines below say");
        assertThat(summary.lines()).containsExactly("createdAt: digits past the millisecond cut (the target keeps dates to the millisecond) (2 sessions)");
    }

    /** An audit's window told its user to "pass --mode replace or --mode merge", flags the window does not have. */
    @Test
    void aTargetThatHoldsRecordsIsToldInTheWindowsWordsNotTheCommandLines() {
        JobPlan plan = new JobPlan("migrate a -> b", Map.of("target records before", 30L), List.of(), List.of(), List.of(),
                Optional.of(new Refusal(Refusal.Reason.TARGET_HOLDS_RECORDS, "target b exists and holds 30 records",
                        "pass --mode replace or --mode merge")), 0);

        JobSummary summary = JobSummary.ofPlan(plan, WizardChoices.MIGRATE);

        assertThat(summary.headline()).isEqualTo("Will not run: the target already holds 30 sessions; choose Existing target: Replace or Merge"
                + " on the Options page (it is backed up first), or another target");
    }

    /** The window told its user to "use --layout native … or pass --allow-loss", where the migrate wizard has a Layout choice and an Allow loss box. */
    @Test
    void fieldsTheTargetCannotHoldNameTheWizardsLayoutAndAllowLossControls() {
        JobSummary summary = JobSummary.ofPlan(refusedPlan(FIELDS_REFUSAL), WizardChoices.MIGRATE);

        assertThat(summary.headline()).isEqualTo("Will not run: the target b cannot hold remote (2 sessions); to keep every field, choose Layout: native"
                + " for a new target on the Source and target page, or tick Allow loss on the Options page to write them without those fields");
    }

    /** The consolidate wizard has neither control: its user is told which target keeps every field. */
    @Test
    void aWizardWithoutALayoutChoiceNamesATargetThatKeepsEveryField() {
        JobSummary summary = JobSummary.ofPlan(refusedPlan(FIELDS_REFUSAL), WizardChoices.CONSOLIDATE);

        assertThat(summary.headline()).isEqualTo("Will not run: the target b cannot hold remote (2 sessions); to keep every field, choose a new SQLite (.db)"
                + " target on the Target and policy page (new SQLite stores are native)");
    }

    @Test
    void recordsMinskysColumnsRefuseNameTheWizardsLayoutChoiceNotTheFlag() {
        Refusal refusal = new Refusal(Refusal.Reason.MINSKY_COLUMNS_REFUSE_RECORDS, "the target b would refuse 1 record (each listed in the plan),"
                + " first task#2: has no repoName, which Minsky's column repo_name requires", "fix those records in the source, or choose a target that"
                + " can hold them (--layout native keeps what Minsky's columns refuse), then run again");

        assertThat(JobSummary.ofPlan(refusedPlan(refusal), WizardChoices.MIGRATE).headline()).isEqualTo("Will not run: the target b would refuse 1 record"
                + " (each listed in the plan), first task#2: has no repoName, which Minsky's column repo_name requires; fix those records in the source,"
                + " or choose Layout: native for a new target on the Source and target page, as the native layout keeps what Minsky's columns refuse;"
                + " then plan again");
        assertThat(JobSummary.ofPlan(refusedPlan(refusal), WizardChoices.CONSOLIDATE).headline()).endsWith("or choose a new SQLite (.db) target"
                + " on the Target and policy page (new SQLite stores are native), as the native layout keeps what Minsky's columns refuse; then plan again");
    }

    @Test
    void aChoiceTheStoresNoLongerMatchSendsTheWizardBackToItsConflictsPage() {
        Refusal refusal = new Refusal(Refusal.Reason.CHOICE_UNMATCHED, "a version from source 2 was chosen for s1, which is no conflict",
                "give --keep only for a conflict the dry run lists, by its session name");

        assertThat(JobSummary.ofPlan(refusedPlan(refusal), WizardChoices.CONSOLIDATE).headline()).isEqualTo("Will not run: a version from source 2"
                + " was chosen for s1, which is no conflict; the stores changed since the conflicts were listed: go Back to the Conflicts page and choose again");
    }

    private static JobPlan refusedPlan(Refusal refusal) {
        return new JobPlan("migrate a -> b", Map.of("source records", 3L), List.of(), List.of(), List.of(), Optional.of(refusal), 0);
    }

    @Test
    void aReportWithAPassedVerificationLeadsWithIt() {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.putObject("verification").put("expected", 217).put("matched", 217).put("passed", true);

        JobSummary summary = JobSummary.ofReport(report(JobReport.Outcome.COMPLETED, details), WizardChoices.MIGRATE, BACKUPS);

        assertThat(summary.tone()).isEqualTo(JobSummary.Tone.GOOD);
        assertThat(summary.headline()).isEqualTo("Verified: 217 of 217 sessions match in the target");
        assertThat(summary.lines()).first().asString().isEqualTo("Backup taken before writing: " + BACKUPS.resolve("b1")
                + "; to put it back: the toolbar's Undo (Ctrl+Z) while it names this job, or History's \"Undo selected job\" at any time");
    }

    /** A first-time user's tour: a job that made its target said "Backup taken before writing", with nothing there to back up. */
    @Test
    void aReportOfANewTargetSaysItDidNotExistAndUndoRemovesIt() {
        JobReport report = new JobReport.Builder("r1", "migrate", "migrate a -> b").backupId("b1", true).build();

        JobSummary summary = JobSummary.ofReport(report, WizardChoices.MIGRATE, BACKUPS);

        assertThat(summary.lines()).containsExactly("The target did not exist: to remove it: the toolbar's Undo (Ctrl+Z) while it names this job,"
                + " or History's \"Undo selected job\" at any time (backup " + BACKUPS.resolve("b1") + ")");
        assertThat(summary.undone("migration", "Removed b.").lines()).isEmpty();
    }

    @Test
    void aReportWithProblemsSaysSoWhateverTheCounts() {
        JobSummary summary = JobSummary.ofReport(report(JobReport.Outcome.COMPLETED_WITH_PROBLEMS, JsonNodeFactory.instance.objectNode()), WizardChoices.MIGRATE, BACKUPS);

        assertThat(summary.tone()).isEqualTo(JobSummary.Tone.BAD);
        assertThat(summary.lines()).contains("verification: task#1 is missing from the target");
    }

    private static JobReport report(JobReport.Outcome outcome, ObjectNode details) {
        return new JobReport("r1", "migrate", "migrate a -> b", Instant.EPOCH, Instant.EPOCH, outcome, Map.of("records written", 217L),
                List.of("verification: task#1 is missing from the target"), Optional.of("b1"), details, List.of(), List.of());
    }
}
