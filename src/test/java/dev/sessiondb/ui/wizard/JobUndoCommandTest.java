package dev.sessiondb.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.catalog.HistoryReader;
import dev.sessiondb.catalog.PastJob;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.ViewModelFixture;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The undo stack's contract holds for a job: execute leaves the job's result in place, undo takes it back, execute brings it back. */
class JobUndoCommandTest extends ViewModelFixture {

    @Test
    void undoTakesAJobBackAndExecuteRedoesIt() {
        StoreLocator source = source();
        StoreLocator target = create("json:" + directory.resolve("target.json"), SampleSessions.minskyList(3, 2));
        BackupJournal journal = journal();
        JobReport report = new MigrateJob(source, target, new MigrateOptions(Optional.empty(), Optional.of(TargetMode.REPLACE), false, true),
                journal).run(ProgressMonitor.NONE);
        JobUndoCommand command = JobUndoCommand.ofReport(report, journal, ZoneOffset.UTC);

        command.execute();
        assertThat(count(target)).as("executing before any undo keeps the job's result").isEqualTo(7);
        command.undo();
        assertThat(count(target)).isEqualTo(3);
        command.execute();
        assertThat(count(target)).isEqualTo(7);
        command.undo();
        assertThat(count(target)).isEqualTo(3);
        assertThat(command.description()).isEqualTo("migration source.json → target.json ("
                + DateTimeFormatter.ofPattern("HH:mm:ss").format(report.startedAt().atZone(ZoneOffset.UTC)) + ")");
    }

    /** Two undo steps into one store read apart in the button and the status line, so a second Undo is never a surprise. */
    @Test
    void twoJobsIntoOneStoreAreToldApartBeforeAndAfterAnUndo() {
        StoreLocator first = create("json:" + directory.resolve("first.json"), SampleSessions.minskyList(7, 1));
        StoreLocator second = create("json:" + directory.resolve("second.json"), SampleSessions.minskyList(5, 3));
        StoreLocator target = create("json:" + directory.resolve("copy.json"), SampleSessions.minskyList(3, 2));
        BackupJournal journal = journal();
        JobUndoCommand firstRun = JobUndoCommand.ofReport(replace(first, target, journal), journal, ZoneOffset.UTC);
        JobUndoCommand secondRun = JobUndoCommand.ofReport(replace(second, target, journal), journal, ZoneOffset.UTC);
        undo.record(firstRun, undone -> { });
        undo.record(secondRun, undone -> { });

        assertThat(undo.undoDescriptionProperty().get()).startsWith("migration second.json → copy.json (");
        undo.undo();

        assertThat(dialogs.notifications()).hasSize(2).first().isEqualTo("Undoing " + secondRun.description() + " …");
        assertThat(dialogs.notifications()).last().asString().startsWith("Undone: " + secondRun.description() + ". Restored " + target + " as it was at ");
        assertThat(undo.undoDescriptionProperty().get()).startsWith("migration first.json → copy.json (").isEqualTo(firstRun.description());
        assertThat(count(target)).isEqualTo(7);
    }

    /** The window's undo says what the command line's does when the store changed after the job, and undoes only once confirmed. */
    @Test
    void aWriteAfterTheJobIsToldAndUndoneOnlyOnceConfirmed() {
        StoreLocator source = source();
        StoreLocator target = sqliteTarget();
        BackupJournal journal = catalogJournal();
        JobReport report = replace(source, target, journal);
        try (SessionStore minsky = StoreFactory.open(target, OpenMode.EXISTING)) {
            minsky.put(SampleSessions.minskyRecord(900, 9));
        }
        JobUndoCommand command = JobUndoCommand.ofReport(report, journal, ZoneOffset.UTC);
        undo.record(command, undone -> { });

        dialogs.answer(false);
        undo.undo();

        String backupId = report.backupId().orElseThrow();
        assertThat(dialogs.confirmations()).singleElement().isEqualTo("Undo " + command.description() + ": " + target.absolute()
                + " changed after the migrate that took backup " + backupId + " (run " + report.runId() + ", ended "
                + report.finishedAt().truncatedTo(ChronoUnit.MILLIS) + "): undoing that migrate puts the whole store back as it was before it and removes those later changes from the store.\n\n"
                + "Undo the " + command.description() + " anyway? The store as it is now, with those later changes, is backed up first,"
                + " so this undo can itself be undone.");
        assertThat(count(target)).as("declined: nothing restored").isEqualTo(8);
        assertThat(undo.undoDescriptionProperty().get()).as("still the step Ctrl+Z undoes").isEqualTo(command.description());

        dialogs.answer(true);
        undo.undo();

        assertThat(count(target)).isEqualTo(3);
        assertThat(dialogs.notifications()).hasSize(2).first().isEqualTo("Undoing " + command.description() + " …");
        assertThat(dialogs.notifications()).last().asString().startsWith("Undone: " + command.description() + ". Restored " + target + " as it was at ");
        assertThat(dialogs.errors()).isEmpty();
    }

    /**
     * Another program's run (the command line's migrate) writing the store: the window's undo refuses before asking, naming
     * the run, as the command line's undo does (it asked, then failed or raced the run), and undoes once the run has ended.
     */
    @Test
    void aRunOfAnotherProgramWritingTheStoreIsToldBeforeAnyQuestionAndNothingIsRestored() {
        StoreLocator source = source();
        StoreLocator target = sqliteTarget();
        BackupJournal journal = catalogJournal();
        JobReport report = replace(source, target, journal);
        BackupJournal otherProgram = catalogJournal();
        String runId = otherProgram.startRun("migrate", "migrate json:other.json -> " + target, List.of(), target).runId();
        JobUndoCommand command = JobUndoCommand.ofPastJob(new HistoryReader(journal).jobs(Optional.empty(), 2).stream()
                .filter(job -> job.runId().equals(report.runId())).findFirst().orElseThrow(), journal, ZoneOffset.UTC);

        undo.undo(command);

        assertThat(dialogs.confirmations()).isEmpty();
        assertThat(dialogs.errors()).singleElement().asString().startsWith("Could not undo " + command.description() + ": run " + runId + " (migrate, started ")
                .endsWith(") is still writing " + target.absolute() + "; wait for it to end or stop it, then run undo again; nothing was restored");
        assertThat(count(target)).isEqualTo(7);

        assertThatThrownBy(() -> otherProgram.endingOnStop(runId, () -> {
            throw new CancelledException("cancelled");
        })).isInstanceOf(CancelledException.class);
        dialogs.answer(true);
        undo.undo(command);
        assertThat(count(target)).isEqualTo(3);
    }

    /** A job just run here, its store as it left it, is undone without a question, as before. */
    @Test
    void aJobWhoseStoreIsAsItLeftItIsUndoneWithoutAQuestion() {
        StoreLocator source = source();
        StoreLocator target = sqliteTarget();
        BackupJournal journal = catalogJournal();
        undo.record(JobUndoCommand.ofReport(replace(source, target, journal), journal, ZoneOffset.UTC), undone -> { });

        undo.undo();

        assertThat(dialogs.confirmations()).isEmpty();
        assertThat(count(target)).isEqualTo(3);
    }

    @Test
    void aJobFromTheHistoryIsNamedByItsStoresAndStartInTheGivenZone() {
        PastJob repair = new PastJob("run-1", "repair", "repair", List.of(), Optional.of("json:/tmp/fixture.json"),
                Instant.parse("2026-12-05T06:04:12Z"), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.of("backup-1"),
                Optional.empty(), Optional.empty());
        PastJob consolidation = new PastJob("run-2", "consolidate", "consolidate", List.of("json:/tmp/a.json", "json:/tmp/b.json"),
                Optional.of("sqlite:/tmp/all.db"), Instant.parse("2026-12-05T06:10:46Z"), Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.of("backup-2"), Optional.empty(), Optional.empty());
        BackupJournal journal = journal();

        assertThat(JobUndoCommand.ofPastJob(repair, journal, ZoneId.of("Asia/Tokyo")).description()).isEqualTo("repair of fixture.json (15:04:12)");
        assertThat(JobUndoCommand.ofPastJob(consolidation, journal, ZoneOffset.UTC).description())
                .isEqualTo("consolidation a.json + b.json → all.db (06:10:46)");
    }

    /** The store migrated from: 7 sessions. */
    private StoreLocator source() {
        return create("json:" + directory.resolve("source.json"), SampleSessions.minskyList(7, 1));
    }

    /** A SQLite store of 3 sessions that a migration replaces. */
    private StoreLocator sqliteTarget() {
        return create("sqlite:" + directory.resolve("target.db"), SampleSessions.minskyList(3, 2));
    }

    /** The journal the app keeps in its catalog, which fails the test on any warning. */
    private BackupJournal catalogJournal() {
        return CatalogRecorder.journal(directory.resolve("journal"), warning -> {
            throw new AssertionError(warning);
        });
    }

    private static JobReport replace(StoreLocator source, StoreLocator target, BackupJournal journal) {
        return new MigrateJob(source, target, new MigrateOptions(Optional.empty(), Optional.of(TargetMode.REPLACE), false, true), journal)
                .run(ProgressMonitor.NONE);
    }

    private static StoreLocator create(String locator, List<SessionRecord> records) {
        StoreLocator parsed = StoreLocator.parse(locator);
        try (SessionStore store = StoreFactory.open(parsed, OpenMode.CREATE_IF_MISSING)) {
            records.forEach(store::put);
        }
        return parsed;
    }

    private static long count(StoreLocator locator) {
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            return store.count();
        }
    }
}
