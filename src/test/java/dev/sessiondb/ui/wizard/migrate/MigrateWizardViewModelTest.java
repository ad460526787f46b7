package dev.sessiondb.ui.wizard.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.sample.ChatSessions;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.PgCredentials;
import dev.sessiondb.store.sql.TestPostgres;
import dev.sessiondb.ui.TestStores;
import dev.sessiondb.ui.ViewModelFixture;
import dev.sessiondb.ui.common.LocatorInput;
import dev.sessiondb.ui.stores.Credentials;
import dev.sessiondb.ui.wizard.JobSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MigrateWizardViewModelTest extends ViewModelFixture {

    private MigrateWizardViewModel viewModel;
    private Path fixture;
    private Path target;

    @BeforeEach
    void wizardOnTheFixture() {
        viewModel = new MigrateWizardViewModel(executor, dialogs, locators(), undo, journal(), Runnable::run);
        fixture = TestStores.fixtureCopy(directory);
        target = directory.resolve("sessions.db");
        viewModel.source().textProperty().set(fixture.toString());
    }

    @Test
    void theStoresStepWaitsForASourceAndATarget() {
        assertThat(viewModel.steps().canGoNext().get()).isFalse();

        viewModel.target().textProperty().set(target.toString());

        assertThat(viewModel.steps().canGoNext().get()).isTrue();
    }

    @Test
    void thePlanCountsEveryRecordAndWritesNothing() {
        goToPlan();

        JobSummary plan = viewModel.planProperty().get();
        assertThat(plan.tone()).isEqualTo(JobSummary.Tone.GOOD);
        assertThat(plan.counts()).containsEntry("source records", 217L).containsEntry("records without a task id", 93L);
        assertThat(viewModel.jobRun().runnableProperty().get()).isTrue();
        assertThat(target).doesNotExist();
    }

    @Test
    void runningMigratesTheFixtureToSqliteAndShowsTheVerifiedReport() {
        goToPlan();
        viewModel.steps().next();

        viewModel.run();

        JobSummary report = viewModel.reportProperty().get();
        assertThat(report.headline()).isEqualTo("Verified: 217 of 217 sessions match in the target");
        assertThat(report.tone()).isEqualTo(JobSummary.Tone.GOOD);
        try (SessionStore written = StoreFactory.open("sqlite:" + target, OpenMode.EXISTING)) {
            assertThat(written.count()).isEqualTo(Fixtures.MINSKY_COUNT);
            assertThat(written.info().format()).isEqualTo(StoreFormat.SQLITE);
        }
        assertThat(undo.undoDescriptionProperty().get()).matches("migration .+\\.json → sessions\\.db \\(\\d\\d:\\d\\d:\\d\\d\\)");
    }

    @Test
    void undoRemovesTheTargetTheMigrationCreated() {
        goToPlan();
        viewModel.run();

        undo.undo();

        assertThat(target).doesNotExist();
        assertThat(dialogs.notifications()).anyMatch(note -> note.matches("Undone: migration .+\\.json → sessions\\.db \\(\\d\\d:\\d\\d:\\d\\d\\)\\. Removed sqlite:"
                + Pattern.quote(target.toString()) + ": it did not exist before the job that took backup \\S+ created it\\. The state it replaced is backup"
                + " \\S+ \\(the History's Undo of this undo, or sessiondb undo \\S+, puts it back\\)\\."));
        assertThat(viewModel.reportProperty().get().headline()).as("not \"as it was before\": there was no store before")
                .startsWith("Undone: the migration ").contains(" was taken back. Removed sqlite:" + target + ": it did not exist before the job");
    }

    /** A first-time user's tour: a migration into a new store reported "Backup taken before writing" with nothing there to back up. */
    @Test
    void theReportOfANewTargetSaysUndoRemovesItRatherThanThatABackupWasTaken() {
        goToPlan();
        viewModel.run();

        assertThat(viewModel.reportProperty().get().lines()).anyMatch(line -> line.matches("The target did not exist: to remove it: the toolbar's Undo \\(Ctrl\\+Z\\) while it names this job,"
                + " or History's \"Undo selected job\" at any time \\(backup \\S+\\)"))
                .noneMatch(line -> line.startsWith("Backup taken"));
    }

    /** A first-time user's tour: a merge of Minsky's sessions into a chat server's store planned green, where consolidate warns. */
    @Test
    void aMergeIntoAStoreOfAnotherToolsSessionsIsPlannedWithTheMixedKindsWarning() {
        target = directory.resolve("chat.json");
        StoreContents.create("json:" + target, List.of(SampleSessions.chatRecord(0), SampleSessions.chatRecord(1), SampleSessions.chatRecord(2)));
        viewModel.target().choose(TargetMode.MERGE);

        goToPlan();

        JobSummary plan = viewModel.planProperty().get();
        assertThat(plan.tone()).isEqualTo(JobSummary.Tone.WARNING);
        assertThat(plan.lines()).anyMatch(line -> line.startsWith("the target will mix kinds of session: 217 Minsky sessions, 3 chat server sessions"
                + " (the target's own: 3 chat server sessions);"));
    }

    /** The status bar names the job and how it ended, so an earlier "Undone: …" does not stay through it (D12). */
    @Test
    void theStatusBarFollowsTheRunAfterAnUndo() {
        goToPlan();
        viewModel.run();
        undo.undo();
        viewModel.makePlan();
        viewModel.run();

        assertThat(dialogs.notifications().get(dialogs.notifications().size() - 1)).matches("Migrate .+\\.json → sessions\\.db — done");
        assertThat(viewModel.reportProperty().get().headline()).startsWith("Verified:");
    }

    /** A plan that cannot be made for an unusable target replaces the earlier "Plan ready" (D12). */
    @Test
    void anUnusableTargetLeavesNoPlanReadyBehind() throws Exception {
        goToPlan();
        assertThat(viewModel.statusProperty().get()).isEqualTo("Plan ready: press Next, then Run.");
        Path text = Files.writeString(directory.resolve("notjson.txt"), "not a store\n");

        viewModel.target().textProperty().set(text.toString());
        viewModel.makePlan();

        assertThat(dialogs.errors()).isNotEmpty();
        assertThat(viewModel.planProperty().get()).isNull();
        assertThat(viewModel.jobRun().runnableProperty().get()).isFalse();
        assertThat(viewModel.statusProperty().get()).isEqualTo("No plan: go Back and choose stores that can be used.");
    }

    @Test
    void aLossyLayoutIsRefusedInThePlanUntilLossIsAllowed() {
        viewModel.layoutProperty().set(StoreLayout.MINSKY);
        goToPlan();

        assertThat(viewModel.planProperty().get().tone()).isEqualTo(JobSummary.Tone.BAD);
        assertThat(viewModel.planProperty().get().headline()).startsWith("Will not run: ").contains("remote (66 sessions)")
                .endsWith("; to keep every field, choose Layout: native for a new target on the Source and target page, or tick Allow loss on the"
                        + " Options page to write them without those fields").doesNotContain("--layout", "--allow-loss");
        assertThat(viewModel.steps().canGoNext().get()).isFalse();

        viewModel.allowLossProperty().set(true);
        viewModel.makePlan();

        assertThat(viewModel.planProperty().get().tone()).isEqualTo(JobSummary.Tone.WARNING);
        assertThat(viewModel.planProperty().get().lines()).contains("The target cannot hold remote (66 sessions)");
        assertThat(viewModel.jobRun().runnableProperty().get()).isTrue();
    }

    @Test
    void anExistingTargetNeedsAModeThatSaysWhatToDoWithIt() throws Exception {
        goToPlan();
        viewModel.run();
        long size = Files.size(target);

        viewModel.makePlan();
        // nothing is wrong with a migration already done: said as the headline, not as a warning
        assertThat(viewModel.planProperty().get().headline()).startsWith("This migration is already done");
        assertThat(viewModel.planProperty().get().tone()).isNotIn(JobSummary.Tone.WARNING, JobSummary.Tone.BAD);

        // a replace of records the target holds as they are writes nothing: one record edited gives it something to write
        Files.writeString(fixture, Files.readString(fixture).replaceFirst("\"branch\": \"task#002\"", "\"branch\": \"edited\""));
        viewModel.target().choose(TargetMode.REPLACE);
        viewModel.makePlan();
        viewModel.run();

        assertThat(viewModel.reportProperty().get().lines()).anyMatch(line -> line.startsWith("Backup taken before writing: "));
        assertThat(Files.size(target)).isPositive();
        assertThat(size).isPositive();
    }

    /** An audit's window said "use --mode replace or --mode merge": the wizard has no such flags, it has its own choice. */
    @Test
    void aTargetHoldingOtherSessionsIsRefusedNamingTheWizardsOwnChoice() {
        StoreContents.create("sqlite:" + target, SampleSessions.minskyList(3, 1));
        viewModel.target().choose(TargetMode.NEW); // picked by the user: it stays, where a mode nobody picked would follow the target

        goToPlan();

        assertThat(viewModel.planProperty().get().headline()).isEqualTo("Will not run: the target already holds 3 sessions; choose Existing target:"
                + " Replace or Merge on the Options page (it is backed up first), or another target");
        assertThat(viewModel.jobRun().runnableProperty().get()).isFalse();
    }

    /** The window told its user "--layout native keeps what Minsky's columns refuse", where the wizard has a Layout choice. */
    @Test
    void recordsMinskysColumnsRefuseAreRefusedNamingTheLayoutChoice() throws Exception {
        Files.writeString(fixture, "[{\"session\": \"task#002\", \"repoName\": \"r\", \"repoUrl\": \"https://example.com/r.git\", \"createdAt\": \"2025-05-16T22:16:33.321Z\","
                + " \"lastCommitMessage\": \"cut emoji \\ud83d\"}]");
        viewModel.layoutProperty().set(StoreLayout.MINSKY);

        goToPlan();

        assertThat(viewModel.planProperty().get().headline()).startsWith("Will not run: ").contains("would refuse 1 record", "last_commit_message")
                .endsWith("; fix those records in the source, or choose Layout: native for a new target on the Source and target page, as the native"
                        + " layout keeps what Minsky's columns refuse; then plan again").doesNotContain("--layout");
        assertThat(viewModel.statusProperty().get()).isEqualTo("The job would refuse: go Back, change what the plan below says, and plan again.");
        assertThat(viewModel.jobRun().runnableProperty().get()).isFalse();
    }

    /** A merge into a chat store that would give a message id to two sessions planned as ready, then failed in the write. */
    @Test
    void aMessageIdOfTwoSessionsIsRefusedInThePlanNamingTheLayoutChoice() {
        StoreContents.create("sqlite:" + target + "?layout=chat", List.of(SampleSessions.chatRecord(0)));
        StoreContents.create("json:" + fixture, List.of(ChatSessions.withFirstMessageId(5, "msg-000000-0")));
        viewModel.target().choose(TargetMode.MERGE);

        goToPlan();

        assertThat(viewModel.planProperty().get().headline()).startsWith("Will not run: the target ").contains("1 message id would belong to two"
                + " sessions: message 'msg-000000-0' of session chat-000005 is held by the target's session chat-000000")
                .endsWith("; give those messages ids of their own in the source, or choose Layout: native for a new target on the Source and target"
                        + " page, which keeps each session's messages with it; then plan again").doesNotContain("--layout");
        assertThat(viewModel.statusProperty().get()).isEqualTo("The job would refuse: go Back, change what the plan below says, and plan again.");
        assertThat(viewModel.jobRun().runnableProperty().get()).isFalse();
    }

    /** An audit: the window said "Ready to run: nothing is lost" for a PostgreSQL role that may only read the target. */
    @Test
    void aTargetTheRoleMayNotWriteIsRefusedInThePlanWithTheGrant() {
        StoreLocator store = StoreContents.create(TestPostgres.get().freshSchema().display(), SampleSessions.minskyList(3, 1));
        String schema = store.param("schema").orElseThrow();
        viewModel.target().textProperty().set(TestPostgres.get().asLimitedRole(store, "GRANT USAGE ON SCHEMA %s", "GRANT SELECT ON ALL TABLES IN SCHEMA %s"));
        viewModel.target().choose(TargetMode.MERGE);
        viewModel.steps().next();
        viewModel.steps().next();

        assertThat(viewModel.planProperty().get().headline()).startsWith("Will not run: ").contains("user " + TestPostgres.LIMITED_USER
                + " may not write table " + schema + ".sessions (no INSERT, UPDATE, DELETE)", "GRANT INSERT, UPDATE, DELETE ON " + schema + ".sessions");
        assertThat(viewModel.jobRun().runnableProperty().get()).isFalse();
        assertThat(StoreContents.records(store)).hasSize(3);
    }

    /** A cancel after a new PostgreSQL store's rows were committed cannot take them back: the job finishes and says so (audit A). */
    @Test
    void aCancelWhileANewPostgresStoreIsVerifiedEndsDoneWithTheJobsOwnUndo() {
        viewModel.target().textProperty().set(TestPostgres.get().freshSchema().display());
        viewModel.steps().next();
        viewModel.steps().next();
        viewModel.steps().next();
        List<String> progressLines = new ArrayList<>();
        viewModel.jobRun().progress().textProperty().addListener((line, before, now) -> {
            progressLines.add(now);
            if (now.startsWith("Verifying")) {
                viewModel.jobRun().cancel();
            }
        });

        viewModel.run();

        assertThat(progressLines).anyMatch(line -> line.startsWith("The write is done, so cancel no longer stops the job; it finishes: Verifying"));
        assertThat(viewModel.statusProperty().get()).startsWith("Done: the sessions are now in ").doesNotContain("nothing was written");
        assertThat(viewModel.reportProperty().get().headline()).isEqualTo("Verified: 217 of 217 sessions match in the target");
        assertThat(undo.undoDescriptionProperty().get()).matches("migration .+\\.json → postgres\\.[^ ]+ \\(\\d\\d:\\d\\d:\\d\\d\\)");
    }

    /** A plan that waits for a password no longer sits beside the last plan's "Plan ready" (audit D). */
    @Test
    void makingAPlanAgainClearsTheLastPlansStatusBeforeAskingForAPassword() {
        goToPlan();
        assertThat(viewModel.statusProperty().get()).isEqualTo("Plan ready: press Next, then Run.");
        viewModel.target().textProperty().set("postgresql://" + TestPostgres.PASSWORD_USER + "@localhost/none?schema=s");
        List<String> statusWhenAsked = new ArrayList<>();
        viewModel.statusProperty().addListener((line, before, now) -> statusWhenAsked.add(now));
        dialogs.answer(null); // the prompt is cancelled

        viewModel.makePlan();

        assertThat(statusWhenAsked).first().isEqualTo("Planning …");
    }

    /** The password typed for the plan serves the undo too, and a new run asks for it once (audit B). */
    @Test
    void undoOfAPostgresMigrationUsesThePasswordTypedForItsPlanAndAsksForItInANewRun() {
        Credentials credentials = credentials();
        credentials.supplyToStores();
        undo.opensStoresWith(credentials);
        viewModel = new MigrateWizardViewModel(executor, dialogs, new LocatorInput(credentials, dialogs, executor), undo, journal(), Runnable::run);
        viewModel.source().textProperty().set(fixture.toString());
        TestPostgres server = TestPostgres.get();
        String schema = server.freshSchema().param("schema").orElseThrow();
        StoreLocator asPasswordRole = StoreLocator.parse("postgresql://" + TestPostgres.PASSWORD_USER + "@" + server.host() + ":" + server.port()
                + "/" + server.database() + "?schema=" + schema);
        viewModel.target().textProperty().set(asPasswordRole.display());
        dialogs.answer(TestPostgres.PASSWORD); // asked once, for the plan
        viewModel.steps().next();
        viewModel.steps().next();
        viewModel.run();
        assertThat(viewModel.reportProperty().get().headline()).startsWith("Verified: 217 of 217");

        undo.undo(); // no answer is scripted: a second prompt would fail the test

        assertThat(dialogs.errors()).isEmpty();
        assertThat(dialogs.notifications()).anyMatch(note -> note.startsWith("Undone: migration "));
        viewModel.makePlan();
        viewModel.run();
        Credentials newRun = credentials(); // knows no typed password yet
        newRun.supplyToStores();
        undo.opensStoresWith(newRun);
        dialogs.answer(TestPostgres.PASSWORD);

        undo.undo();

        assertThat(dialogs.errors()).isEmpty();
        assertThat(dialogs.notifications().get(dialogs.notifications().size() - 1)).startsWith("Undone: migration ");
    }

    @AfterEach
    void forgetTypedPasswords() {
        PgCredentials.useTypedPasswords(account -> Optional.empty());
    }

    @Test
    void aCancelWhileWritingANewFileSaysNothingWasWritten() {
        goToPlan();
        viewModel.steps().next();
        viewModel.jobRun().progress().textProperty().addListener((line, before, now) -> {
            if (now.startsWith("Writing target")) {
                viewModel.jobRun().cancel();
            }
        });

        viewModel.run();

        assertThat(viewModel.statusProperty().get()).isEqualTo("Cancelled: nothing was written.");
        assertThat(target).doesNotExist();
        assertThat(undo.undoDescriptionProperty().get()).isEmpty();
    }

    private void goToPlan() {
        viewModel.target().textProperty().set(target.toString());
        viewModel.steps().next();
        viewModel.steps().next();
        assertThat(viewModel.steps().current()).isEqualTo(MigrateWizardViewModel.PLAN);
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
