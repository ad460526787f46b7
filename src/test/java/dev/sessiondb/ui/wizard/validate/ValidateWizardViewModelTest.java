package dev.sessiondb.ui.wizard.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.catalog.HistoryReader;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.repair.RepairJob;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.ui.TestStores;
import dev.sessiondb.ui.ViewModelFixture;
import dev.sessiondb.ui.wizard.JobSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValidateWizardViewModelTest extends ViewModelFixture {

    private ValidateWizardViewModel viewModel;
    private Path fixture;

    @BeforeEach
    void wizardOnTheOpenFixture() {
        viewModel = new ValidateWizardViewModel(executor, dialogs, locators(), existingStores(), current, undo, journal(), Runnable::run);
        fixture = TestStores.fixtureCopy(directory);
        current.show(StoreFactory.open("json:" + fixture, OpenMode.EXISTING));
    }

    @AfterEach
    void close() {
        current.close();
    }

    @Test
    void theOpenStoreIsTheOneToValidate() {
        assertThat(viewModel.store().textProperty().get()).isEqualTo("json:" + fixture);
    }

    @Test
    void findingsAreGroupedByCheckWithTheFixableOnesTicked() {
        viewModel.steps().next();

        assertThat(viewModel.findings()).extracting(FindingGroup::check, group -> group.lines().size(), FindingGroup::isRepairable)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("repo-name-variant", 50, true),
                        Tuple.tuple("task-id-form", 5, true),
                        Tuple.tuple("task-id-missing", 6, true),
                        Tuple.tuple("duplicate-session", 18, false),
                        Tuple.tuple("workspace-missing", 144, false));
        assertThat(viewModel.findings()).filteredOn(FindingGroup::isRepairable).allSatisfy(group -> assertThat(group.fixProperty().get()).isTrue());
        assertThat(viewModel.steps().canGoNext().get()).isTrue();
    }

    /** The wizard named checks as the CLI does, "Fix repo-name-variant (50)": it shows words, the name kept beside them for --check. */
    @Test
    void checksFindingsAndFixesAreShownByTheirLabelsWithTheNameTheCliTakes() {
        assertThat(viewModel.checks()).filteredOn(choice -> choice.name().equals("task-id-form")).singleElement().satisfies(choice -> {
            assertThat(choice.label()).isEqualTo("Task id written in another form");
            assertThat(choice.help()).contains("task-id-form");
        });

        viewModel.steps().next();

        FindingGroup repoNames = group("repo-name-variant");
        assertThat(repoNames.fixText()).isEqualTo("Fix: Repository name spelled differently (50)");
        assertThat(repoNames.fixHelp()).contains("repo-name-variant");
        assertThat(group("workspace-missing").title()).startsWith("Workspace folder missing (workspace-missing) · warning · 144 findings");
    }

    @Test
    void thePreviewCountsTheFindingsThatNeedAPersonAsTheFindingsPageListsThem() {
        viewModel.steps().next();

        viewModel.steps().next();

        assertThat(viewModel.statusProperty().get()).contains("; 162 findings need a person (no automatic fix)");
    }

    @Test
    void aFindingLeadsToItsSessionInTheOpenStore() {
        viewModel.steps().next();
        FindingGroup.Line line = group("duplicate-session").lines().get(0);

        viewModel.showSession(line.key());

        assertThat(current.selectedKeyProperty().get()).isEqualTo(line.key());
    }

    @Test
    void aFindingSelectedShowsItsSessionInTheOpenStoreWithoutAWord() {
        viewModel.steps().next();
        FindingGroup.Line line = group("task-id-form").lines().get(0);
        int notified = dialogs.notifications().size();

        viewModel.followFinding(line.key());

        assertThat(current.selectedKeyProperty().get()).isEqualTo(line.key());
        assertThat(dialogs.notifications()).hasSize(notified);
    }

    @Test
    void onlyAValidationThatFoundNothingCallsTheStoreClean() throws Exception {
        viewModel.steps().next();
        assertThat(viewModel.cleanProperty().get()).isFalse();

        viewModel.steps().back();
        viewModel.store().textProperty().set("json:" + TestStores.withoutFindings(directory));
        viewModel.steps().next();

        assertThat(viewModel.findings()).isEmpty();
        assertThat(viewModel.cleanProperty().get()).isTrue();
    }

    /** A tour: a clean store was "No findings: the store is consistent.", whether the checks read one session or thousands, or ran one check. */
    @Test
    void aCleanValidationSaysHowManySessionsAndChecksFoundNothing() throws Exception {
        viewModel.store().textProperty().set("json:" + TestStores.withoutFindings(directory));
        viewModel.checks().forEach(choice -> choice.run().set(choice.name().equals("invalid-date")));

        viewModel.steps().next();

        assertThat(viewModel.cleanProperty().get()).isTrue();
        assertThat(viewModel.statusProperty().get()).isEqualTo("No findings in 1 session: the 1 check chosen found nothing to fix.");
    }

    /**
     * A walk: on a SQLite store with a damaged record the fixes of the other findings were ticked and Next offered, though a repair
     * refuses a damaged store; the user learnt it only from the preview's error. The page says it, with the record and what to do first.
     */
    @Test
    void aDamagedRecordStopsEveryFixOnTheFindingsPageSayingWhatToDoFirst() throws Exception {
        Path damaged = TestStores.sqliteWithDamagedRecord(directory.resolve("recovered.db"), 30, 3);
        viewModel.store().textProperty().set("sqlite:" + damaged);

        viewModel.steps().next();

        assertThat(viewModel.findings()).anyMatch(FindingGroup::isRepairable).noneMatch(group -> group.fixProperty().get());
        assertThat(viewModel.statusProperty().get()).contains(" findings in ").contains(". No fix can be made while the store is damaged")
                .contains("session '" + TestStores.sampleKey(3) + "' holds a damaged record")
                .contains("First restore the store from a backup, or delete that row (DELETE FROM sessions WHERE session_key = '" + TestStores.sampleKey(3) + "'")
                .contains("--skip-unreadable").endsWith("; then validate again.");
        assertThat(viewModel.steps().canGoNext().get()).isFalse();
        assertThat(dialogs.errors()).isEmpty();
    }

    /** A walk: after Apply, validating again found two findings no fix resolves, and the page still said "2 findings in 2 checks. Tick the fixes to make." */
    @Test
    void findingsWithNoAutomaticFixDoNotAskForFixesToBeTicked() {
        viewModel.checks().forEach(choice -> choice.run().set(choice.name().equals("workspace-missing")));

        viewModel.steps().next();

        assertThat(viewModel.statusProperty().get()).isEqualTo("144 findings in 1 check, none with an automatic fix: each says what a person can do.");
        assertThat(viewModel.steps().canGoNext().get()).isFalse();
    }

    @Test
    void thePreviewShowsEachChangedFieldBeforeAndAfterAndWritesNothing() throws Exception {
        byte[] before = Files.readAllBytes(fixture);
        viewModel.steps().next();
        group("repo-name-variant").fixProperty().set(false);
        group("task-id-missing").fixProperty().set(false);

        viewModel.steps().next();

        assertThat(viewModel.changes()).hasSize(5).contains(new ChangeLine("test-with-task", "taskId", "143", "#143"));
        assertThat(Files.readAllBytes(fixture)).isEqualTo(before);
    }

    @Test
    void applyingFixesTheStoreAndValidatingAgainFindsOnlyWhatNeedsAPerson() {
        goToApply();

        viewModel.apply();

        assertThat(viewModel.resultProperty().get().headline()).isEqualTo("Repaired: 58 sessions updated, 0 added");
        viewModel.revalidate();
        assertThat(viewModel.findings()).extracting(FindingGroup::check).containsExactlyInAnyOrder("duplicate-session", "workspace-missing");
    }

    @Test
    void undoRestoresTheStoreAsItWasBeforeTheRepair() throws Exception {
        byte[] before = Files.readAllBytes(fixture);
        goToApply();
        viewModel.apply();
        assertThat(Files.readAllBytes(fixture)).isNotEqualTo(before);

        undo.undo();

        assertThat(Files.readAllBytes(fixture)).isEqualTo(before);
        try (SessionStore store = StoreFactory.open("json:" + fixture, OpenMode.EXISTING)) {
            assertThat(store.get("test-with-task").orElseThrow().taskId()).contains("143");
        }
    }

    /** The result page stops claiming the repair and its backup once the repair is undone (D12). */
    @Test
    void afterUndoTheResultSaysTheRepairWasTakenBack() {
        goToApply();
        viewModel.apply();
        assertThat(viewModel.resultProperty().get().lines()).anyMatch(line -> line.endsWith("to put it back: the toolbar's Undo (Ctrl+Z) while it names this job, or History's \"Undo selected job\" at any time"));

        undo.undo();

        JobSummary result = viewModel.resultProperty().get();
        assertThat(result.headline()).startsWith("Undone: the repair of ").contains(" was taken back. Restored json:" + fixture + " as it was at ");
        assertThat(result.tone()).isEqualTo(JobSummary.Tone.WARNING);
        assertThat(result.lines()).noneMatch(line -> line.contains("to put it back"));
        // a tour: the status line repeated the headline's "Restored json:… as it was at …" word for word
        assertThat(viewModel.statusProperty().get()).isEqualTo("Undone.");
    }

    /**
     * A walk: after Undo the Apply page said "Undone: …" over the undone repair's counts and its "needs a person" lines, which read
     * as the store's state now. The page says the store is back as before the repair and to validate again to see its findings.
     */
    @Test
    void afterUndoTheApplyPageNoLongerShowsTheUndoneRepairsCountsAsTheStores() {
        goToApply();
        viewModel.apply();
        assertThat(viewModel.resultProperty().get().counts()).containsEntry(RepairJob.NEEDING_A_PERSON, 162L);

        undo.undo();

        JobSummary result = viewModel.resultProperty().get();
        assertThat(result.headline()).startsWith("Undone: the repair of ");
        assertThat(result.counts()).isEmpty();
        assertThat(result.lines()).noneMatch(line -> line.contains("a person"))
                .singleElement().asString().contains("as it was before the repair").contains("Validate again");
    }

    /** The audit: after Validate again and an Undo, the Findings page still listed the repaired store's findings. */
    @Test
    void anUndoWhileTheFindingsShowValidatesTheRestoredStoreAgain() {
        goToApply();
        viewModel.apply();
        viewModel.revalidate();
        assertThat(viewModel.findings()).extracting(FindingGroup::check).containsExactlyInAnyOrder("duplicate-session", "workspace-missing");

        undo.undo();

        assertThat(viewModel.findings()).extracting(FindingGroup::check)
                .containsExactlyInAnyOrder("repo-name-variant", "task-id-form", "task-id-missing", "duplicate-session", "workspace-missing");
        assertThat(group("repo-name-variant").lines()).hasSize(50);
        assertThat(viewModel.statusProperty().get()).isEqualTo("The repair was undone; validated again: 223 findings in 5 checks. Tick the fixes to make.");
    }

    /** A preview of the repaired store would plan nothing the restored store needs: it goes, and Apply waits. */
    @Test
    void anUndoWhileThePreviewShowsDropsThePreview() {
        viewModel.steps().next();
        group("repo-name-variant").fixProperty().set(false);
        viewModel.steps().next();
        viewModel.steps().next();
        viewModel.apply();
        viewModel.revalidate();
        viewModel.steps().next();
        assertThat(viewModel.changes()).as("the preview of the fixes left").isNotEmpty();

        undo.undo();

        assertThat(viewModel.changes()).isEmpty();
        assertThat(viewModel.changesetReadyProperty().get()).isFalse();
        assertThat(viewModel.statusProperty().get()).isEqualTo("The repair was undone, so this preview no longer shows the store: go Back to validate it again.");
    }

    /** The audit: the preview said 164 findings need a person, the report after Apply 1 (those of the fixed checks only). */
    @Test
    void theReportCountsTheFindingsNeedingAPersonAsThePreviewDid() {
        viewModel.steps().next();
        viewModel.steps().next();
        assertThat(viewModel.statusProperty().get()).contains("; 162 findings need a person (no automatic fix)");
        viewModel.steps().next();

        viewModel.apply();

        JobSummary result = viewModel.resultProperty().get();
        assertThat(result.counts()).containsEntry("findings needing a person", 162L);
        // a tour: the page said "18 duplicate-session findings need a person", by the name only the CLI's scripts need
        assertThat(result.lines()).contains("18 findings of Session key repeated in another form (duplicate-session) need a person",
                        "144 findings of Workspace folder missing (workspace-missing) need a person")
                .noneMatch(line -> line.contains("duplicate-session finding") || line.contains("workspace-missing finding"));
    }

    /** A walk: after Apply said 162 findings need a person, the History's account of the same repair said 0 (the fixed checks' only). */
    @Test
    void theHistoryCountsTheFindingsNeedingAPersonAsTheApplyPageDid() {
        BackupJournal recorded = CatalogRecorder.journal(directory.resolve("recorded"), warning -> { });
        viewModel = new ValidateWizardViewModel(executor, dialogs, locators(), existingStores(), current, undo, recorded, Runnable::run);
        goToApply();

        viewModel.apply();

        assertThat(viewModel.resultProperty().get().counts()).containsEntry(RepairJob.NEEDING_A_PERSON, 162L);
        assertThat(new HistoryReader(recorded).jobs(Optional.empty(), 1)).singleElement()
                .satisfies(job -> assertThat(job.counts()).containsEntry(RepairJob.NEEDING_A_PERSON, 162L));
    }

    /** What Apply writes is what the preview showed: a record it showed, changed since by another program, refuses the apply. */
    @Test
    void applyRefusesWhenARecordThePreviewShowedChangedSinceAndSaysToPreviewAgain() throws Exception {
        viewModel.steps().next();
        viewModel.findings().stream().filter(group -> !group.check().equals("task-id-missing")).forEach(group -> group.fixProperty().set(false));
        viewModel.steps().next();
        assertThat(viewModel.statusProperty().get()).startsWith("6 sessions to update");
        String changedElsewhere = viewModel.changes().get(0).session();
        try (SessionStore store = StoreFactory.open("json:" + fixture, OpenMode.EXISTING)) {
            store.put(store.get(changedElsewhere).orElseThrow().with("taskId", "#901"));
        }
        byte[] byTheOtherProgram = Files.readAllBytes(fixture);
        viewModel.steps().next();

        viewModel.apply();

        assertThat(dialogs.errors()).singleElement().asString().startsWith("Repair refused: json:" + fixture + " changed after the preview: session '"
                + changedElsewhere + "' no longer needs the change the preview showed; nothing was written, preview the changes again");
        assertThat(viewModel.statusProperty().get()).startsWith("Nothing was applied: ");
        assertThat(dialogs.notifications()).last().asString().endsWith(" — refused");
        assertThat(viewModel.resultProperty().get()).isNull();
        assertThat(viewModel.changesetReadyProperty().get()).as("Apply waits for a new preview").isFalse();
        assertThat(Files.readAllBytes(fixture)).isEqualTo(byTheOtherProgram);
    }

    private void goToApply() {
        viewModel.steps().next();
        viewModel.steps().next();
        viewModel.steps().next();
        assertThat(viewModel.steps().current()).isEqualTo(ValidateWizardViewModel.APPLY);
    }

    private FindingGroup group(String check) {
        return viewModel.findings().stream().filter(group -> group.check().equals(check)).findFirst().orElseThrow();
    }

    /** The audit: a Workspaces folder that does not exist gave a clean result with no word of it. */
    @Test
    void aWorkspacesFolderThatIsNoStateDirectoryIsNamedAtTheFieldAndTheWizardWaits() throws Exception {
        viewModel.workspacesProperty().set(directory.resolve("nonexistent").toString());

        assertThat(viewModel.workspacesProblem().get()).startsWith(directory.resolve("nonexistent") + " does not exist; name a Minsky state directory");
        assertThat(viewModel.steps().readyProperty().get()).isFalse();

        Path state = Files.createDirectories(directory.resolve("state/sessions/task#1")).getParent().getParent();
        viewModel.workspacesProperty().set(state.resolve("sessions").toString());
        assertThat(viewModel.workspacesProblem().get()).endsWith("name the folder above it, " + state + ")");

        viewModel.workspacesProperty().set(state.toString());
        assertThat(viewModel.workspacesProblem().get()).isEmpty();
        assertThat(viewModel.workspacesNote().get()).isEmpty();
        assertThat(viewModel.steps().readyProperty().get()).isTrue();
    }

    /** The audit: a fresh Minsky state directory, with no sessions/ folder yet, was refused at the field. */
    @Test
    void aFreshStateDirectoryIsAcceptedAtTheFieldWithANoteThatItHoldsNoWorkspaceYet() throws Exception {
        Path fresh = Files.createDirectories(directory.resolve("fresh-state"));
        Files.createFile(fresh.resolve("session-db.json"));

        viewModel.workspacesProperty().set(fresh.toString());

        assertThat(viewModel.workspacesProblem().get()).isEmpty();
        assertThat(viewModel.workspacesNote().get()).isEqualTo(fresh + " has no sessions/ folder yet (Minsky makes it with its first session workspace):"
                + " 0 workspaces to check");
        assertThat(viewModel.steps().readyProperty().get()).isTrue();
    }

    /** An audit: the "Writes to:" line of the Stores and Run pages showed the password typed in clear. */
    @Test
    void theStoreIsShownWithItsPasswordMasked() {
        for (String typed : TestStores.TYPED_WITH_PASSWORDS) {
            viewModel.store().textProperty().set(typed);

            TestStores.assertShownMasked(typed, viewModel.store().shown().get());
        }
    }
}
