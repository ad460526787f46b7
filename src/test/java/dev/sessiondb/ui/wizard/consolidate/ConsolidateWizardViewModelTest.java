package dev.sessiondb.ui.wizard.consolidate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.consolidate.ConflictPolicy;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.ui.TestStores;
import dev.sessiondb.ui.ViewModelFixture;
import dev.sessiondb.ui.diff.DiffFixtures;
import dev.sessiondb.ui.diff.FieldRow;
import dev.sessiondb.ui.wizard.JobSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsolidateWizardViewModelTest extends ViewModelFixture {

    private ConsolidateWizardViewModel viewModel;
    private Path a;
    private Path b;
    private Path target;

    @BeforeEach
    void twoOverlappingStores() {
        viewModel = new ConsolidateWizardViewModel(executor, dialogs, locators(), existingStores(), undo, journal(), Runnable::run);
        a = DiffFixtures.storeA(directory);
        b = DiffFixtures.storeB(directory);
        target = directory.resolve("all.db");
    }

    @Test
    void sourcesAreKeptInTheOrderTheUserGives() {
        add(b);
        add(a);

        viewModel.moveUp(1);

        assertThat(viewModel.sources()).containsExactly(a.toString(), b.toString());
        assertThat(viewModel.steps().canGoNext().get()).isTrue();
    }

    /** Next stays disabled with one source; the status line says why (audit D). */
    @Test
    void oneSourceIsToldToAddASecondAndTwoClearTheHint() {
        viewModel.startFrom(a.toString());

        assertThat(viewModel.steps().canGoNext().get()).isFalse();
        assertThat(viewModel.statusProperty().get()).isEqualTo("Add a second source: a consolidation merges two or more stores into one.");

        add(b);

        assertThat(viewModel.steps().canGoNext().get()).isTrue();
        assertThat(viewModel.statusProperty().get()).isEmpty();
    }

    @Test
    void theConflictsAreListedWithWhatThePolicyWouldDo() {
        goToConflicts(ConflictPolicy.FIRST);

        assertThat(viewModel.conflicts()).extracting(ConflictRow::session, ConflictRow::sourcesText, ConflictRow::byPolicy)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("task#002", "1, 2", "Keeps source 1's version (source 1 comes first); the versions differ in pullRequest"),
                        Tuple.tuple("task#008", "1, 2", "Keeps source 1's version (source 1 comes first); the versions differ in branch"));
        assertThat(conflict("task#008").options()).containsExactly(ConflictRow.BY_POLICY, "Source 1", "Source 2");
    }

    /** A tour: two copies of one store read "No conflicts: the sources agree on every shared session.", with no word of how many they share. */
    @Test
    void noConflictsSaysHowManySessionsTheSourcesShare() throws Exception {
        add(TestStores.fixtureCopy(Files.createDirectories(directory.resolve("one"))));
        add(TestStores.fixtureCopy(Files.createDirectories(directory.resolve("other"))));
        viewModel.steps().next();
        viewModel.target().textProperty().set(target.toString());

        viewModel.steps().next();

        assertThat(viewModel.conflicts()).isEmpty();
        assertThat(viewModel.statusProperty().get()).isEqualTo("No conflicts: the 217 sessions the sources share are identical in each.");
    }

    /** The audit: a tie read "Keeps source 1's version (it is the newest)", and what it dropped was nowhere. */
    @Test
    void underNewestATieIsCalledATie() {
        goToConflicts(ConflictPolicy.NEWEST);

        assertThat(viewModel.conflicts()).extracting(ConflictRow::session, ConflictRow::byPolicy).containsExactlyInAnyOrder(
                Tuple.tuple("task#002",
                        "Keeps source 1's version (a tie: no version is newer, so priority order decides: source 1 comes first); the versions differ in pullRequest"),
                Tuple.tuple("task#008",
                        "Keeps source 1's version (a tie: no version is newer, so priority order decides: source 1 comes first); the versions differ in branch"));
    }

    @Test
    void aConflictsVersionsAreShownSideBySideInPlainWordsBeforeTheUserPicks() {
        goToConflicts(ConflictPolicy.FAIL);
        assertThat(conflict("task#008").byPolicy()).isEqualTo("Not settled: the policy is to stop, so pick the version to keep; the versions differ in branch")
                .doesNotContain("--on-conflict");

        viewModel.showConflict(conflict("task#008"));

        // both are session-db.json: their folders tell them apart
        assertThat(viewModel.comparedTitleProperty().get()).startsWith("task#008: on the left the version in source 1 (a/" + a.getFileName()
                + "), on the right the one in source 2 (b/" + b.getFileName() + ")");
        assertThat(viewModel.comparison()).anySatisfy(row -> assertThat(row.state()).isEqualTo(FieldRow.State.CHANGED));
        assertThat(viewModel.comparison()).extracting(FieldRow::path).contains("session");
    }

    @Test
    void theOpenStoreIsTheFirstSourceUntilTheUserAddsMore() {
        viewModel.startFrom("json:/stores/open.json");
        assertThat(viewModel.sources()).containsExactly("json:/stores/open.json");
        add(a);

        viewModel.startFrom("json:/stores/other.json");

        assertThat(viewModel.sources()).containsExactly("json:/stores/open.json", a.toString());
    }

    /** A tour: four sources were counted "source 1 records" to "source 4 records", in the plan and in the report, by number alone. */
    @Test
    void thePlanAndTheReportCountEachSourceUnderItsName() {
        goToConflicts(ConflictPolicy.FIRST);

        viewModel.steps().next();
        assertThat(viewModel.summaryProperty().get().counts()).containsEntry("source 1 records (a/session-db.json)", 217L)
                .containsEntry("source 2 records (b/session-db.json)", 217L).doesNotContainKey("source 1 records");
        viewModel.run();

        assertThat(viewModel.summaryProperty().get().headline()).startsWith("Verified:");
        assertThat(viewModel.summaryProperty().get().counts()).containsEntry("source 1 records (a/session-db.json)", 217L)
                .containsEntry("source 2 records (b/session-db.json)", 217L);
    }

    @Test
    void aChoiceForOneConflictWinsAndTheReportIsVerifiedWithMinskySettings() {
        goToConflicts(ConflictPolicy.FIRST);
        conflict("task#008").choiceProperty().set("Source 2");

        viewModel.steps().next();
        assertThat(viewModel.summaryProperty().get().counts()).containsEntry("conflicts", 2L).containsEntry("records to write", 218L);
        viewModel.run();

        JobSummary report = viewModel.summaryProperty().get();
        assertThat(report.headline()).isEqualTo("Verified: 218 of 218 sessions match in the target");
        assertThat(report.lines()).contains("conflict on task#008 (sources 1, 2): chosen: kept the version from source 2; fields that differ: branch",
                "To point Minsky at the consolidated store:",
                "  Minsky reads only its own layout and this store has the native layout: run again with a target in Minsky's layout on the"
                        + " Target and policy page (add ?layout=minsky to a new target, as in sqlite:/path/sessions.db?layout=minsky, or choose"
                        + " Minsky's own store with Existing target: Merge); the plan shows any field Minsky's layout cannot hold.");
        assertThat(report.lines()).as("the window has no --layout flag").noneSatisfy(line -> assertThat(line).contains("--layout"));
        try (SessionStore written = StoreFactory.open("sqlite:" + target, OpenMode.EXISTING)) {
            assertThat(written.get("task#008").orElseThrow().branch()).contains("feature/task-008");
            assertThat(written.get("task#002").orElseThrow().fields().at("/pullRequest/state").asText()).isEqualTo("open");
        }
        undo.undo();
        assertThat(target).doesNotExist();
    }

    @Test
    void underFailTheWizardRefusesUntilEveryConflictHasAChoice() {
        goToConflicts(ConflictPolicy.FAIL);
        viewModel.steps().next();

        assertThat(viewModel.summaryProperty().get().tone()).isEqualTo(JobSummary.Tone.BAD);
        assertThat(viewModel.jobRun().runnableProperty().get()).isFalse();

        viewModel.steps().back();
        List.of("task#002", "task#008").forEach(key -> conflict(key).choiceProperty().set("Source 2"));
        viewModel.steps().next();

        assertThat(viewModel.jobRun().runnableProperty().get()).isTrue();
        viewModel.steps().back();
        assertThat(viewModel.conflicts()).allSatisfy(conflict -> assertThat(conflict.choiceProperty().get()).isEqualTo("Source 2"));
    }

    /** An audit's window could not merge into an existing store: it had no choice for one and told its user to "pass --mode". */
    @Test
    void anExistingTargetIsRefusedInTheWindowsWordsUntilTheUserChoosesMerge() {
        StoreContents.create("sqlite:" + target, SampleSessions.minskyList(3, 1));
        viewModel.target().choose(TargetMode.NEW); // picked by the user: it stays, where a mode nobody picked would follow the target
        goToConflicts(ConflictPolicy.FIRST);
        viewModel.steps().next();

        assertThat(viewModel.target().modeProperty().get()).isEqualTo(TargetMode.NEW);
        assertThat(viewModel.summaryProperty().get().headline()).isEqualTo("Will not run: the target already holds 3 sessions; choose Existing target:"
                + " Replace or Merge on the Target and policy page (it is backed up first), or another target");
        assertThat(viewModel.statusProperty().get()).contains("go Back to Target and policy").doesNotContain("conflict");

        viewModel.steps().back();
        viewModel.steps().back();
        viewModel.target().choose(TargetMode.MERGE);
        viewModel.steps().next();
        viewModel.steps().next();
        assertThat(viewModel.jobRun().runnableProperty().get()).isTrue();
        viewModel.run();

        assertThat(viewModel.summaryProperty().get().headline()).startsWith("Verified:");
        assertThat(StoreContents.records("sqlite:" + target)).hasSize(218 + 3);
    }

    /**
     * The audit: under Merge the page said "Keeps source 1's version (it is the newest)" of a session the target holds in a newer
     * version, and offered sources 1 and 2 only, while the plan kept the target's; picking "source 1" as the page said overwrote it.
     */
    @Test
    void underMergeTheTargetsOwnVersionIsListedSettledAndCanBePicked() throws Exception {
        Path first = Files.writeString(directory.resolve("a.json"), "[{\"session\":\"s1\",\"branch\":\"a\",\"lastActivityAt\":\"2025-03-01T00:00:00Z\"}]");
        Path second = Files.writeString(directory.resolve("b.json"), "[{\"session\":\"s1\",\"branch\":\"b\",\"lastActivityAt\":\"2025-01-01T00:00:00Z\"}]");
        Path merged = Files.writeString(directory.resolve("tw.json"), "[{\"session\":\"s1\",\"branch\":\"tw\",\"lastActivityAt\":\"2026-01-01T00:00:00Z\"}]");
        add(first);
        add(second);
        viewModel.steps().next();
        viewModel.target().textProperty().set(merged.toString());
        viewModel.target().choose(TargetMode.MERGE);
        viewModel.steps().next();

        assertThat(conflict("s1").sourcesText()).isEqualTo("1, 2, target");
        assertThat(conflict("s1").byPolicy()).isEqualTo("Keeps the target's version (it is newer than every source's); the versions differ in branch, lastActivityAt");
        assertThat(conflict("s1").options()).containsExactly(ConflictRow.BY_POLICY, "Source 1", "Source 2", ConflictRow.TARGET);
        assertThat(viewModel.statusProperty().get()).contains("or from the target's own version");

        conflict("s1").choiceProperty().set("Source 1");
        viewModel.steps().next();
        assertThat(viewModel.summaryProperty().get().lines()).anySatisfy(line -> assertThat(line).contains("replaces a NEWER version in the target"));

        viewModel.steps().back();
        assertThat(conflict("s1").choiceProperty().get()).isEqualTo("Source 1");
        conflict("s1").choiceProperty().set(ConflictRow.TARGET);
        viewModel.steps().next();
        viewModel.run();

        assertThat(viewModel.summaryProperty().get().lines()).contains("conflict on s1 (sources 1, 2, target): chosen: kept the version in the target;"
                + " no source's version is written; fields that differ: branch, lastActivityAt");
        assertThat(StoreContents.records("json:" + merged)).singleElement().satisfies(record -> assertThat(record.branch()).contains("tw"));
    }

    /** A session held in three versions: the first two are compared unless the user chooses which two. */
    @Test
    void theUserChoosesWhichTwoOfASessionsVersionsAreComparedTheFirstTwoByDefault() throws Exception {
        add(Files.writeString(directory.resolve("a.json"), "[{\"session\":\"s1\",\"branch\":\"a\"}]"));
        add(Files.writeString(directory.resolve("b.json"), "[{\"session\":\"s1\",\"branch\":\"b\"}]"));
        add(Files.writeString(directory.resolve("c.json"), "[{\"session\":\"s1\",\"branch\":\"c\"}]"));
        viewModel.steps().next();
        viewModel.target().textProperty().set(target.toString());
        viewModel.steps().next();

        viewModel.showConflict(conflict("s1"));

        assertThat(viewModel.versions()).extracting(Version::label).containsExactly("source 1 (a.json)", "source 2 (b.json)", "source 3 (c.json)");
        assertThat(viewModel.leftVersionProperty().get().label()).isEqualTo("source 1 (a.json)");
        assertThat(viewModel.rightVersionProperty().get().label()).isEqualTo("source 2 (b.json)");
        assertThat(branchRow()).extracting(FieldRow::a, FieldRow::b).containsExactly("a", "b");
        assertThat(viewModel.comparedTitleProperty().get()).contains("3 versions", "choose the two to compare");

        viewModel.rightVersionProperty().set(viewModel.versions().get(2));
        assertThat(branchRow()).extracting(FieldRow::a, FieldRow::b).containsExactly("a", "c");
        viewModel.leftVersionProperty().set(viewModel.versions().get(1));
        assertThat(branchRow()).extracting(FieldRow::a, FieldRow::b, FieldRow::state).containsExactly("b", "c", FieldRow.State.CHANGED);
        assertThat(viewModel.comparedTitleProperty().get())
                .startsWith("s1: on the left the version in source 2 (b.json), on the right the one in source 3 (c.json); 1 field differs");

        viewModel.showConflict(null);
        assertThat(viewModel.versions()).isEmpty();
        assertThat(viewModel.comparison()).isEmpty();
        assertThat(dialogs.errors()).isEmpty();
    }

    /**
     * The audit: sources 1 and 2 held the same version and source 3 another; the page opened on 1 against 2 ("0 fields differ") and
     * the plan said "nothing is lost". It opens on the kept version against the one that differs, and the plan names the loss.
     */
    @Test
    void theComparisonOpensOnTheKeptVersionAgainstOneThatDiffersAndThePlanNamesWhatIsDropped() throws Exception {
        add(Files.writeString(directory.resolve("a.json"), "[{\"session\":\"s1\",\"branch\":\"a\"}]"));
        add(Files.writeString(directory.resolve("b.json"), "[{\"session\":\"s1\",\"branch\":\"a\"}]"));
        add(Files.writeString(directory.resolve("c.json"), "[{\"session\":\"s1\",\"branch\":\"c\",\"repoUrl\":\"file:///c\"}]"));
        viewModel.steps().next();
        viewModel.target().textProperty().set(target.toString());
        viewModel.steps().next();

        viewModel.showConflict(conflict("s1"));

        assertThat(viewModel.leftVersionProperty().get().label()).isEqualTo("source 1 (a.json)");
        assertThat(viewModel.rightVersionProperty().get().label()).isEqualTo("source 3 (c.json)");
        assertThat(viewModel.comparedTitleProperty().get()).contains("2 fields differ");

        viewModel.steps().next();
        JobSummary plan = viewModel.summaryProperty().get();
        assertThat(plan.headline()).isEqualTo("Runs with loss: 1 version dropped: it differs from the kept version of its session, in branch, repoUrl,"
                + " and the result will not hold those values (each conflict line names its session and fields; the sources keep them;"
                + " keeping every version, or choosing one, writes them)");
        assertThat(plan.tone()).isEqualTo(JobSummary.Tone.WARNING);
    }

    private FieldRow branchRow() {
        return viewModel.comparison().stream().filter(row -> row.path().equals("branch")).findFirst().orElseThrow();
    }

    /** The window told its user to "use --layout native … or pass --allow-loss": this wizard has neither, but can choose its target. */
    @Test
    void fieldsTheTargetCannotHoldAreRefusedNamingATargetThatKeepsThem() {
        add(TestStores.fixtureCopy(directory));
        add(a);
        viewModel.steps().next();
        viewModel.target().textProperty().set("sqlite:" + directory.resolve("minsky.db") + "?layout=minsky");
        viewModel.steps().next();
        viewModel.steps().next();

        assertThat(viewModel.summaryProperty().get().headline()).startsWith("Will not run: ").contains("cannot hold", "remote (")
                .endsWith("; to keep every field, choose a new SQLite (.db) target on the Target and policy page (new SQLite stores are native)")
                .doesNotContain("--layout", "--allow-loss");
        assertThat(viewModel.statusProperty().get()).isEqualTo("The job would refuse: go Back, change what the plan below says, and plan again.");
    }

    private void goToConflicts(ConflictPolicy policy) {
        add(a);
        add(b);
        viewModel.steps().next();
        viewModel.target().textProperty().set(target.toString());
        viewModel.policyProperty().set(policy);
        viewModel.steps().next();
        assertThat(viewModel.steps().current()).isEqualTo(ConsolidateWizardViewModel.CONFLICTS);
    }

    private void add(Path store) {
        viewModel.newSourceProperty().set(store.toString());
        viewModel.addSource();
    }

    private ConflictRow conflict(String session) {
        return viewModel.conflicts().stream().filter(row -> row.session().equals(session)).findFirst().orElseThrow();
    }

    /** An audit: the "Writes to:" line of the Stores and Run pages showed the password typed in clear. */
    @Test
    void theTargetIsShownWithItsPasswordMasked() {
        for (String typed : TestStores.TYPED_WITH_PASSWORDS) {
            viewModel.target().textProperty().set(typed);

            TestStores.assertShownMasked(typed, viewModel.target().shown().get());
        }
    }
}
