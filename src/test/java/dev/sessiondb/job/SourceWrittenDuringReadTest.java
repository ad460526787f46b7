package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.consolidate.ConflictPolicy;
import dev.sessiondb.job.consolidate.ConsolidateJob;
import dev.sessiondb.job.consolidate.ConsolidateOptions;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another program adds sessions to a source while a job reads it, or updates them in place: the report counts what the read
 * saw, what was written and what was verified, all alike, and says as a problem that the target is not the source as it is now.
 */
class SourceWrittenDuringReadTest {

    private static final int RECORDS = 2_000;
    private static final int ADDED = 5;

    @TempDir
    Path dir;

    @Test
    void aSqliteSourceWrittenToDuringTheMigrationsReadIsReportedAndEveryCountIsWhatHappened() throws Exception {
        StoreLocator source = StoreContents.create("sqlite:" + dir.resolve("source.db"), SampleSessions.minskyList(RECORDS, 3));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("source.db"));
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL"); // as Minsky keeps it: a reader does not block the other program's insert
        }
        migrateReportsTheSessionsAddedDuringTheRead(source);
    }

    @Test
    void aPostgresSourceWrittenToDuringTheMigrationsReadIsReportedAndEveryCountIsWhatHappened() {
        StoreLocator source = StoreContents.create(TestPostgres.get().freshSchema().display(), SampleSessions.minskyList(RECORDS, 4));
        migrateReportsTheSessionsAddedDuringTheRead(source);
    }

    @Test
    void aConsolidationsSourceWrittenToAfterItWasReadIsReportedAndCountedAsRead() {
        StoreLocator first = StoreContents.create("sqlite:" + dir.resolve("first.db"), SampleSessions.minskyList(RECORDS, 5));
        StoreLocator second = StoreContents.create("sqlite:" + dir.resolve("second.db"), List.of(SampleSessions.minskyRecord(RECORDS + 1, 6)));
        StoreLocator target = StoreLocator.parse("sqlite:" + dir.resolve("target.db"));

        JobReport report = new ConsolidateJob(List.of(first, second), target, ConsolidateOptions.of(ConflictPolicy.NEWEST), journal())
                .run(new AtTheWritesProgress(() -> addSessions(first)));

        assertThat(report.counts()).containsEntry("source 1 records", (long) RECORDS).containsEntry("input records", RECORDS + 1L)
                .containsEntry("records written", RECORDS + 1L).containsEntry("records verified", RECORDS + 1L);
        assertThat(StoreContents.records(target)).hasSize(RECORDS + 1);
        assertThat(report.outcome()).isEqualTo(JobReport.Outcome.COMPLETED_WITH_PROBLEMS);
        assertThat(report.warnings()).contains("source 1 (" + first.display() + ") changed while it was read: 5 sessions added after the read"
                + " began are not in the target; run again to copy them");
    }

    /** The write reads the sources again and takes records by position: a session added before it would shift them under other keys. */
    @Test
    void aConsolidationsSourceWrittenToBetweenItsReadAndTheWriteStopsTheWriteAndWritesNothing() {
        StoreLocator first = StoreContents.create("sqlite:" + dir.resolve("first.db"), SampleSessions.minskyList(20, 5));
        StoreLocator second = StoreContents.create("sqlite:" + dir.resolve("second.db"), List.of(SampleSessions.minskyRecord(21, 6)));
        Path target = dir.resolve("target.db");
        ProgressMonitor addingAsTheWriteBegins = new ProgressMonitor() {
            @Override
            public void message(String text) {
                if (text.equals("writing target")) {
                    addSessions(first);
                }
            }

            @Override
            public void progress(long records, long total) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };

        assertThatThrownBy(() -> new ConsolidateJob(List.of(first, second), StoreLocator.parse("sqlite:" + target),
                ConsolidateOptions.of(ConflictPolicy.NEWEST), journal()).run(addingAsTheWriteBegins))
                .isInstanceOf(JobRefusedException.class)
                .hasMessageStartingWith("source 1 (" + first.display() + ") changed after the consolidation read it: its record 1 is now 0000-added-0")
                .hasMessageContaining("nothing was written");
        assertThat(target).doesNotExist();
    }

    /**
     * A migration into an existing target reads the source once to plan and again to write: a source another program wrote
     * to between the two (here a JSON file replaced, as an editor or Minsky does) stops the write before a record is
     * written, as the plan did not see what the write would copy (a field the target cannot hold was dropped unasked).
     */
    @Test
    void aMigrationsSourceWrittenToBetweenItsPlanAndItsWriteStopsTheWriteAndWritesNothing() {
        StoreLocator source = StoreContents.create("json:" + dir.resolve("source.json"), SampleSessions.minskyList(20, 5));
        StoreLocator target = StoreContents.create("sqlite:" + dir.resolve("target.db"), SampleSessions.minskyList(20, 6));
        List<String> targetBefore = StoreContents.canonical(StoreContents.records(target));

        assertThatThrownBy(() -> new MigrateJob(source, target, new MigrateOptions(Optional.empty(), Optional.of(TargetMode.REPLACE), false, true),
                journal()).run(asTheWriteBegins(() -> updateSessions(source))))
                .isInstanceOf(JobRefusedException.class)
                .hasMessage("the source " + source.display() + " changed after the migration read it: another program wrote to it (sessions"
                        + " updated in place, added or removed); nothing was written; run the migration again to read it as it is now");
        assertThat(StoreContents.canonical(StoreContents.records(target))).isEqualTo(targetBefore);
    }

    /**
     * The window's Run follows a plan the user approved: a source another program wrote to in between (here an edit in
     * place, the same count) refuses the run before it writes, even into a new target whose run reads the source once, so
     * that what is written is what the plan showed; the wizard then asks for a new plan.
     */
    @Test
    void aRunAfterAPlanRefusesASourceWrittenToSinceThePlanAndWritesNothing() {
        StoreLocator source = StoreContents.create("json:" + dir.resolve("source.json"), SampleSessions.minskyList(20, 5));
        StoreLocator other = StoreContents.create("sqlite:" + dir.resolve("other.db"), List.of(SampleSessions.minskyRecord(21, 6)));
        Path migrated = dir.resolve("migrated.db");
        Path consolidated = dir.resolve("consolidated.db");
        MigrateJob migrate = new MigrateJob(source, StoreLocator.parse("sqlite:" + migrated), MigrateOptions.defaults(), journal());
        ConsolidateJob consolidate = new ConsolidateJob(List.of(source, other), StoreLocator.parse("sqlite:" + consolidated),
                ConsolidateOptions.of(ConflictPolicy.NEWEST), journal());
        migrate.plan();
        consolidate.plan();

        updateSessions(source);

        assertThatThrownBy(() -> migrate.run(ProgressMonitor.NONE)).isInstanceOf(JobRefusedException.class)
                .hasMessageStartingWith("the source " + source.display() + " changed after the migration read it").hasMessageContaining("nothing was written");
        assertThatThrownBy(() -> consolidate.run(ProgressMonitor.NONE)).isInstanceOf(JobRefusedException.class)
                .hasMessageStartingWith("source 1 (" + source.display() + ") changed after the consolidation read it").hasMessageContaining("nothing was written");
        assertThat(migrated).doesNotExist();
        assertThat(consolidated).doesNotExist();
        assertThat(new MigrateJob(source, StoreLocator.parse("sqlite:" + migrated), MigrateOptions.defaults(), journal()).run(ProgressMonitor.NONE)
                .outcome()).as("a new plan's run").isEqualTo(JobReport.Outcome.COMPLETED);
    }

    /**
     * A command's dry run is shown and never run: it takes no write mark of its sources (a PostgreSQL source's scans every row's
     * version), so it leaves no plan behind, and a run of the same job reads the sources as they are then.
     */
    @Test
    void aDryRunLeavesNoPlanForARunToBeCheckedAgainst() {
        StoreLocator source = StoreContents.create("json:" + dir.resolve("source.json"), SampleSessions.minskyList(20, 5));
        StoreLocator other = StoreContents.create("sqlite:" + dir.resolve("other.db"), List.of(SampleSessions.minskyRecord(21, 6)));
        StoreLocator migrated = StoreLocator.parse("sqlite:" + dir.resolve("migrated.db"));
        StoreLocator consolidated = StoreLocator.parse("sqlite:" + dir.resolve("consolidated.db"));
        MigrateJob migrate = new MigrateJob(source, migrated, MigrateOptions.defaults(), journal());
        ConsolidateJob consolidate = new ConsolidateJob(List.of(source, other), consolidated, ConsolidateOptions.of(ConflictPolicy.NEWEST), journal());
        assertThat(migrate.dryRun().counts()).containsEntry("source records", 20L);
        assertThat(consolidate.dryRun().counts()).containsEntry("records to write", 21L);

        updateSessions(source);

        assertThat(migrate.run(ProgressMonitor.NONE).outcome()).isEqualTo(JobReport.Outcome.COMPLETED);
        assertThat(consolidate.run(ProgressMonitor.NONE).outcome()).isEqualTo(JobReport.Outcome.COMPLETED);
        assertThat(StoreContents.canonical(StoreContents.records(migrated))).isEqualTo(StoreContents.canonical(StoreContents.records(source)));
        assertThat(StoreContents.records(consolidated)).hasSize(21);
    }

    @Test
    void aSqliteSourceUpdatedInPlaceDuringTheMigrationsReadIsReported() throws Exception {
        StoreLocator source = StoreContents.create("sqlite:" + dir.resolve("source.db"), SampleSessions.minskyList(RECORDS, 3));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("source.db"));
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
        }
        migrateReportsTheSessionsUpdatedDuringTheRead(source);
    }

    @Test
    void aPostgresSourceUpdatedInPlaceDuringTheMigrationsReadIsReported() {
        migrateReportsTheSessionsUpdatedDuringTheRead(StoreContents.create(TestPostgres.get().freshSchema().display(), SampleSessions.minskyList(RECORDS, 4)));
    }

    @Test
    void aJsonSourceUpdatedInPlaceDuringTheMigrationsReadIsReported() {
        migrateReportsTheSessionsUpdatedDuringTheRead(StoreContents.create("json:" + dir.resolve("source.json"), SampleSessions.minskyList(RECORDS, 5)));
    }

    /** Updated in place, every session keeps its position: only the source's write mark tells the settlement was made on other versions. */
    @Test
    void aConsolidationsSourceUpdatedInPlaceBetweenItsReadAndTheWriteStopsTheWriteAndWritesNothing() {
        StoreLocator first = StoreContents.create("sqlite:" + dir.resolve("first.db"), SampleSessions.minskyList(20, 5));
        StoreLocator second = StoreContents.create("sqlite:" + dir.resolve("second.db"), List.of(SampleSessions.minskyRecord(21, 6)));
        Path target = dir.resolve("target.db");

        assertThatThrownBy(() -> new ConsolidateJob(List.of(first, second), StoreLocator.parse("sqlite:" + target),
                ConsolidateOptions.of(ConflictPolicy.NEWEST), journal()).run(asTheWriteBegins(() -> updateSessions(first))))
                .isInstanceOf(JobRefusedException.class)
                .hasMessage("source 1 (" + first.display() + ") changed after the consolidation read it: another program wrote to it (sessions"
                        + " updated in place, added or removed); nothing was written; run the consolidation again to read it as it is now");
        assertThat(target).doesNotExist();
    }

    /** A checkpoint copies the WAL into the database file and empties it: the files change, no session does. */
    @Test
    void aSqliteSourceOnlyCheckpointedByAnotherProgramDuringTheMigrationsReadIsNotReported() throws Exception {
        StoreLocator source = StoreContents.create("sqlite:" + dir.resolve("source.db"), SampleSessions.minskyList(RECORDS, 3));
        try (Connection minsky = runningMinsky(source)) {
            Path file = dir.resolve("source.db");
            FileTime before = Files.getLastModifiedTime(file);

            JobReport report = new MigrateJob(source, StoreLocator.parse("sqlite:" + dir.resolve("target.db")), MigrateOptions.defaults(), journal())
                    .run(new AtTheWritesProgress(() -> execute(minsky, "PRAGMA wal_checkpoint(TRUNCATE)")));

            assertThat(Files.getLastModifiedTime(file)).as("the checkpoint wrote into the database file").isNotEqualTo(before);
            assertThat(report.warnings()).isEmpty();
            assertThat(report.outcome()).isEqualTo(JobReport.Outcome.COMPLETED);
        }
    }

    /** The other program commits, checkpoints its commit into the database file, empties the WAL and ends. */
    @Test
    void aSqliteSourceUpdatedByAnotherProgramThatCheckpointsAndEndsDuringTheMigrationsReadIsReported() throws Exception {
        StoreLocator source = StoreContents.create("sqlite:" + dir.resolve("source.db"), SampleSessions.minskyList(RECORDS, 3));
        Connection minsky = runningMinsky(source);

        JobReport report = new MigrateJob(source, StoreLocator.parse("sqlite:" + dir.resolve("target.db")), MigrateOptions.defaults(), journal())
                .run(new AtTheWritesProgress(() -> {
                    updateSessions(source);
                    execute(minsky, "PRAGMA wal_checkpoint(TRUNCATE)");
                    closeLast(minsky);
                }));

        assertThat(report.outcome()).isEqualTo(JobReport.Outcome.COMPLETED_WITH_PROBLEMS);
        assertThat(report.warnings()).contains("the source changed while it was read: another program wrote to it, its 2,000 sessions still as many"
                + " (sessions updated in place); the target holds them as the read found them; run again to copy the source as it is now");
    }

    /** Another program with the source open in WAL mode, as Minsky keeps it, with commits of its own not yet checkpointed. */
    private static Connection runningMinsky(StoreLocator source) throws Exception {
        Connection minsky = DriverManager.getConnection("jdbc:sqlite:" + source.path());
        execute(minsky, "PRAGMA journal_mode=WAL");
        execute(minsky, "PRAGMA wal_autocheckpoint=0");
        execute(minsky, "PRAGMA busy_timeout=0");
        updateSessions(source);
        return minsky;
    }

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The other program ends: its last connection checkpoints and deletes the WAL, unless another still reads the file. */
    private static void closeLast(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void migrateReportsTheSessionsUpdatedDuringTheRead(StoreLocator source) {
        StoreLocator target = StoreLocator.parse("sqlite:" + dir.resolve("target.db"));

        JobReport report = new MigrateJob(source, target, MigrateOptions.defaults(), journal()).run(new AtTheWritesProgress(() -> updateSessions(source)));

        assertThat(StoreContents.records(source)).hasSize(RECORDS);
        assertThat(report.outcome()).isEqualTo(JobReport.Outcome.COMPLETED_WITH_PROBLEMS);
        assertThat(report.warnings()).contains("the source changed while it was read: another program wrote to it, its 2,000 sessions still as many"
                + " (sessions updated in place); the target holds them as the read found them; run again to copy the source as it is now");
    }

    private void migrateReportsTheSessionsAddedDuringTheRead(StoreLocator source) {
        StoreLocator target = StoreLocator.parse("sqlite:" + dir.resolve("target.db"));

        JobReport report = new MigrateJob(source, target, MigrateOptions.defaults(), journal()).run(new AtTheWritesProgress(() -> addSessions(source)));

        assertThat(report.counts()).containsEntry("source records", (long) RECORDS).containsEntry("records written", (long) RECORDS)
                .containsEntry("records verified", (long) RECORDS);
        assertThat(StoreContents.records(target)).hasSize(RECORDS);
        assertThat(report.outcome()).isEqualTo(JobReport.Outcome.COMPLETED_WITH_PROBLEMS);
        assertThat(report.warnings()).contains("the source changed while it was read: 5 sessions added after the read began are not in the target;"
                + " run again to copy them");
    }

    /** Sessions the source holds, written again with other content: the count stays. */
    private static void updateSessions(StoreLocator source) {
        List<SessionRecord> updated = LongStream.range(0, ADDED).mapToObj(i -> SampleSessions.minskyRecord(i, 99)).toList();
        try (SessionStore other = StoreFactory.open(source, OpenMode.EXISTING)) {
            other.write(WriteBatch.upsert(updated.iterator(), updated.size()), ProgressMonitor.NONE);
        }
    }

    private static ProgressMonitor asTheWriteBegins(Runnable change) {
        return new ProgressMonitor() {
            @Override
            public void message(String text) {
                if (text.equals("writing target")) {
                    change.run();
                }
            }

            @Override
            public void progress(long records, long total) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    private BackupJournal journal() {
        return new BackupJournal(dir.resolve("journal"));
    }

    /** Keys that sort before every other, so a read in key order that is past its start cannot see them either. */
    private static void addSessions(StoreLocator source) {
        List<SessionRecord> added = LongStream.range(0, ADDED)
                .mapToObj(i -> SampleSessions.minskyRecord(i, 9).without("sessionId").with("session", "0000-added-" + i)).toList();
        try (SessionStore other = StoreFactory.open(source, OpenMode.EXISTING)) {
            other.write(WriteBatch.upsert(added.iterator(), added.size()), ProgressMonitor.NONE);
        }
    }
}
