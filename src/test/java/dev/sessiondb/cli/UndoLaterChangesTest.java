package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.catalog.Catalog;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.RunIds;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Undo puts the whole store back as it was before its job: a write made after the job (Minsky's,
 * another job's) would leave the store without a word. Undo compares the store with the mark its
 * job left in the history and refuses unless --force (an issue: later sessions vanished).
 */
class UndoLaterChangesTest {

    private static final SessionRecord LATER = SampleSessions.minskyRecord(900, 9);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"json:%s/target.json", "sqlite:%s/target.db", "jsondir:%s/target"})
    void aWriteAfterTheJobStopsUndoUntilForcedAndForcedUndoKeepsItInItsOwnBackup(String pattern) {
        StoreLocator target = StoreContents.create(pattern.formatted(dir), SampleSessions.minskyList(3, 2));
        Backup jobs = migrateInto(target);
        writeAsAnotherProgram(target, List.of(LATER));

        CliRun refused = undo();

        assertThat(refused.exitCode()).isEqualTo(SessionDbCommand.BAD_INPUT);
        assertThat(refused.err()).contains(jobs.locator() + " changed after the migrate that took backup " + jobs.id()
                        + " (run " + RunIds.runIdOf(jobs) + ", ended 20")
                .contains("undoing that migrate puts the whole store back as it was before it and removes those later changes from the store;"
                        + " nothing was restored. To undo anyway: sessiondb undo " + jobs.id() + " --force (undo first backs up the store as it"
                        + " is now, those later changes included, and names that backup)");
        assertThat(keys(target)).contains(LATER.key()).hasSize(8);
        assertThat(undo("--list").out()).contains(jobs.id(), "    the store changed after this job: undoing it would remove those later changes"
                + " from the store (sessiondb undo " + jobs.id() + " --force keeps them in undo's own backup)");
        assertThat(undo("--list", "--format", "json").out()).contains("\"laterChanges\": \"since-job\"");

        CliRun forced = undo("--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        Backup later = journal().latestNotRestored().orElseThrow();
        assertThat(forced.out()).contains("The state it replaced, with the changes made after the job, is backup " + later.id()
                + " (undo that with: sessiondb undo " + later.id() + ").");
        assertThat(keys(target)).doesNotContain(LATER.key()).hasSize(3);
        assertThat(undo(later.id()).exitCode()).isZero();
        assertThat(keys(target)).contains(LATER.key()).hasSize(8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json:%s/target.json", "sqlite:%s/target.db", "jsondir:%s/target", "json:%s/new.json", "sqlite:%s/new.db"})
    void withoutALaterWriteUndoRestoresWithoutAWord(String pattern) {
        StoreLocator target = StoreLocator.parse(pattern.formatted(dir));
        if (!pattern.contains("new")) {
            StoreContents.create(target.toString(), SampleSessions.minskyList(3, 2));
        }
        migrateInto(target);

        assertThat(undo("--list").out()).doesNotContain("changed after");
        CliRun undo = undo();

        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(undo.err()).isEmpty();
        assertThat(undo.out()).doesNotContain("changed after");
    }

    /** Ctrl+Z twice, on the command line: the first job's result is back (under a new mark), so undoing it removes nothing later. */
    @Test
    void aLaterJobThatWasUndoneIsNoLaterChange() {
        StoreLocator target = StoreContents.create("sqlite:" + dir.resolve("target.db"), SampleSessions.minskyList(3, 2));
        Backup first = migrateInto(target);
        Backup second = migrateInto(target, SampleSessions.minskyList(4, 5));
        assertThat(undo(first.id()).err()).as("the second job wrote after the first").contains("changed after the migrate that took backup "
                + first.id());

        assertThat(undo(second.id()).exitCode()).isZero();
        CliRun undoFirst = undo(first.id());

        assertThat(undoFirst.exitCode()).as(undoFirst.err()).isZero();
        assertThat(undoFirst.err()).isEmpty();
        assertThat(keys(target)).hasSize(3);
    }

    /** A run recorded by an older sessiondb left no mark: undo restores as it did, saying it could not check. */
    @Test
    void aJobThatLeftNoMarkIsUndoneAsBeforeWithAWarning() throws Exception {
        StoreLocator target = StoreContents.create("sqlite:" + dir.resolve("target.db"), SampleSessions.minskyList(3, 2));
        Backup jobs = migrateInto(target);
        try (Connection catalog = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal").resolve(Catalog.FILE_NAME));
             Statement statement = catalog.createStatement()) {
            statement.executeUpdate("UPDATE job_run SET target_mark_before = NULL, target_mark_after = NULL");
        }
        writeAsAnotherProgram(target, List.of(LATER));

        CliRun undo = undo();

        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(undo.err()).contains("sessiondb: warning: whether " + jobs.locator() + " changed after the job that took backup " + jobs.id()
                + " could not be checked: the job that took it left no mark of the store in the history (it ran before sessiondb recorded such"
                + " marks, or did not end); undoing without that check");
        assertThat(keys(target)).hasSize(3);
    }

    /**
     * A job into a server that asks for a password, given in the store's URL: the history keeps the store's mark as the job
     * left it, taken with that password, though the report names the store without it (before, no mark was taken, and every
     * undo of such a job said it could not check for later changes).
     */
    @Test
    void aJobIntoPostgresWithThePasswordInTheUrlLeavesItsMarkInTheHistory() throws Exception {
        TestPostgres postgres = TestPostgres.get();
        String schema = postgres.freshSchema().param("schema").orElseThrow();
        postgres.execute("CREATE SCHEMA " + schema);
        postgres.execute("GRANT ALL ON SCHEMA " + schema + " TO " + TestPostgres.PASSWORD_USER);
        String target = "postgresql://" + TestPostgres.PASSWORD_USER + ":" + TestPostgres.PASSWORD + "@" + postgres.host() + ":" + postgres.port()
                + "/" + postgres.database() + "?schema=" + schema;
        StoreLocator source = StoreContents.create("json:" + dir.resolve("source.json"), SampleSessions.minskyList(7, 1));

        CliRun migrate = CliRun.of("migrate", source.toString(), target, "--backup-dir", dir.resolve("journal").toString());

        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        Backup jobs = journal().latestNotRestored().orElseThrow();

        assertThat(jobs.locator()).doesNotContain(TestPostgres.PASSWORD);
        try (Connection catalog = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal").resolve(Catalog.FILE_NAME));
             Statement statement = catalog.createStatement();
             ResultSet marks = statement.executeQuery("SELECT target_mark_after FROM job_run WHERE backup_id = '" + jobs.id() + "'")) {
            assertThat(marks.next()).isTrue();
            assertThat(marks.getString(1)).as("the mark the job left").isNotBlank();
        }
    }

    /** An undo killed in its restore left the store holding the backup, under a mark no run recorded: undo runs again, saying why it could not check. */
    @Test
    void anUndoKilledInItsRestoreIsRunAgainWithAWarning() {
        StoreLocator target = StoreContents.create("json:" + dir.resolve("target.json"), SampleSessions.minskyList(3, 2));
        Backup jobs = migrateInto(target);
        String killedUndo = RunIds.newRunId("undo");
        try (Catalog catalog = Catalog.open(dir.resolve("journal"))) {
            catalog.history().started(killedUndo, "undo " + jobs.id(), List.of(), jobs.locator());
            catalog.history().restoring(jobs, new Backup(killedUndo + "-0000", Instant.now(), "undo " + jobs.id(), jobs.locator(), jobs.format(),
                    jobs.kind(), 7, Optional.empty()));
        }
        StoreContents.create(target.toString(), SampleSessions.minskyList(3, 2)); // what the killed restore put back, written anew

        CliRun undo = undo(jobs.id());

        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(undo.err()).contains("could not be checked: an undo of it (run " + killedUndo + ") was stopped while restoring, so the"
                + " store holds this backup or what that undo replaced; undoing without that check");
        assertThat(keys(target)).hasSize(3);
    }

    @Test
    void forceGoesWithARestoreOnly() {
        CliRun list = undo("--list", "--force");

        assertThat(list.exitCode()).isEqualTo(SessionDbCommand.BAD_INPUT);
        assertThat(list.err()).contains("--force goes with a restore, not with --list; nothing was restored or deleted");
    }

    private Backup migrateInto(StoreLocator target) {
        return migrateInto(target, SampleSessions.minskyList(7, 1));
    }

    private Backup migrateInto(StoreLocator target, List<SessionRecord> records) {
        return new UndoDesk(dir).migrateInto(target, records);
    }

    private CliRun undo(String... args) {
        return new UndoDesk(dir).undo(args);
    }

    private BackupJournal journal() {
        return new UndoDesk(dir).journal();
    }

    /** Through a handle of its own, as Minsky would. */
    private static void writeAsAnotherProgram(StoreLocator store, List<SessionRecord> records) {
        try (SessionStore other = StoreFactory.open(store, OpenMode.EXISTING)) {
            other.write(WriteBatch.upsert(records.iterator(), records.size()), ProgressMonitor.NONE);
        }
    }

    private static List<String> keys(StoreLocator store) {
        return StoreContents.records(store).stream().map(SessionRecord::key).toList();
    }
}
