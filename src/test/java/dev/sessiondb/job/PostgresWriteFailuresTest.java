package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write into PostgreSQL whose connection the server ends before the commit: rolled back for certain, so its backup goes, and a
 * store it was making leaves no tables nor schema behind; undo of a job that made a store takes its tables away, and the schema
 * when the job made that too.
 */
class PostgresWriteFailuresTest {

    private static final int RECORDS = 5_000;

    @TempDir
    Path dir;

    @Test
    void aReplaceWhoseConnectionIsEndedBeforeItsCommitLeavesTheTargetAsItWasAndKeepsNoBackup() {
        List<SessionRecord> own = SampleSessions.minskyList(5, 3);
        StoreLocator target = StoreContents.create(TestPostgres.get().freshSchema().display(), own);
        StoreLocator source = StoreContents.create("sqlite:" + dir.resolve("source.db"), SampleSessions.minskyList(RECORDS, 4));
        BackupJournal journal = new BackupJournal(dir.resolve("journal"));
        MigrateJob job = new MigrateJob(source, target, new MigrateOptions(Optional.empty(), Optional.of(TargetMode.REPLACE), false, true), journal);

        assertThatThrownBy(() -> job.run(new AtTheWritesProgress(PostgresWriteFailuresTest::endWritingConnections)))
                .satisfies(failure -> assertThat(StoreFaults.of(failure)).as("a lost connection, said as one").isPresent());

        assertThat(StoreContents.canonical(StoreContents.byKey(StoreContents.records(target))))
                .isEqualTo(StoreContents.canonical(StoreContents.byKey(own)));
        assertThat(new BackupJournal(dir.resolve("journal")).list()).as("the backup of a store the rolled-back write left as it was is gone").isEmpty();
    }

    @Test
    void aNewStoreWhoseConnectionIsEndedBeforeItsCommitLeavesNeitherTablesNorTheSchemaItMade() throws SQLException {
        StoreLocator target = TestPostgres.get().freshSchema();
        StoreLocator source = StoreContents.create("sqlite:" + dir.resolve("source.db"), SampleSessions.minskyList(RECORDS, 4));
        MigrateJob job = new MigrateJob(source, target, MigrateOptions.defaults(), new BackupJournal(dir.resolve("journal")));

        assertThatThrownBy(() -> job.run(new AtTheWritesProgress(PostgresWriteFailuresTest::endWritingConnections)))
                .satisfies(failure -> assertThat(StoreFaults.of(failure)).as("a lost connection, said as one").isPresent());

        assertThat(schemaExists(target)).as("the schema the job made is gone with its tables").isFalse();
        assertThat(new BackupJournal(dir.resolve("journal")).list()).as("no backup of a store that was never made").isEmpty();
    }

    @Test
    void aNewStoreInASchemaThatExistedBeforeTheJobLeavesTheSchemaWithoutTheTablesItMade() throws SQLException {
        StoreLocator target = TestPostgres.get().freshSchema();
        TestPostgres.get().execute("CREATE SCHEMA " + target.param("schema").orElseThrow());
        StoreLocator source = StoreContents.create("sqlite:" + dir.resolve("source.db"), SampleSessions.minskyList(RECORDS, 4));
        MigrateJob job = new MigrateJob(source, target, MigrateOptions.defaults(), new BackupJournal(dir.resolve("journal")));

        assertThatThrownBy(() -> job.run(new AtTheWritesProgress(PostgresWriteFailuresTest::endWritingConnections)))
                .satisfies(failure -> assertThat(StoreFaults.of(failure)).as("a lost connection, said as one").isPresent());

        assertThat(schemaExists(target)).isTrue();
        assertThat(tables(target)).isEmpty();
    }

    @Test
    void undoOfTheJobThatMadeAPostgresStoreDropsItsTablesAndTheSchemaItMade() throws SQLException {
        StoreLocator target = TestPostgres.get().freshSchema();
        BackupJournal journal = new BackupJournal(dir.resolve("journal"));
        Backup madeIt = migrateIntoNew(target, journal);
        assertThat(tables(target)).contains("sessions", "sessiondb_schema_history");
        assertThat(madeIt.kind()).as("the job's backup records that it made the schema").isEqualTo(Backup.Kind.ABSENT_WITH_ITS_PLACE);

        journal.restore(madeIt, ProgressMonitor.NONE);

        assertThat(schemaExists(target)).as("the schema the job made is gone with its tables").isFalse();
    }

    @Test
    void undoOfTheJobThatMadeAPostgresStoreInAnEmptySchemaMadeBeforeTheJobLeavesThatSchema() throws SQLException {
        StoreLocator target = TestPostgres.get().freshSchema();
        TestPostgres.get().execute("CREATE SCHEMA " + target.param("schema").orElseThrow());
        BackupJournal journal = new BackupJournal(dir.resolve("journal"));
        Backup madeIt = migrateIntoNew(target, journal);
        assertThat(madeIt.kind()).isEqualTo(Backup.Kind.ABSENT);

        journal.restore(madeIt, ProgressMonitor.NONE);

        assertThat(schemaExists(target)).as("the schema the user made before the job stays").isTrue();
        assertThat(tables(target)).as("the tables the job made are gone").isEmpty();
    }

    @Test
    void undoOfTheJobThatMadeAPostgresStoreLeavesTheSchemaWhenAnotherProgramKeepsATableThere() throws SQLException {
        StoreLocator target = TestPostgres.get().freshSchema();
        BackupJournal journal = new BackupJournal(dir.resolve("journal"));
        Backup madeIt = migrateIntoNew(target, journal);
        TestPostgres.get().execute("CREATE TABLE " + target.param("schema").orElseThrow() + ".notes (id INT)");

        journal.restore(madeIt, ProgressMonitor.NONE);

        assertThat(tables(target)).containsExactly("notes");
    }

    /** A migration of 20 sessions into {@code target}, a store it makes: the backup undo puts back. */
    private Backup migrateIntoNew(StoreLocator target, BackupJournal journal) {
        StoreLocator source = StoreContents.create("sqlite:" + dir.resolve("source.db"), SampleSessions.minskyList(20, 4));
        JobReport report = new MigrateJob(source, target, MigrateOptions.defaults(), journal).run(ProgressMonitor.NONE);
        return journal.require(report.backupId().orElseThrow());
    }

    private static boolean schemaExists(StoreLocator store) throws SQLException {
        try (Connection connection = TestPostgres.get().adminConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            statement.setString(1, store.param("schema").orElseThrow());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static List<String> tables(StoreLocator store) throws SQLException {
        try (Connection connection = TestPostgres.get().adminConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
            statement.setString(1, store.param("schema").orElseThrow());
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            return tables;
        }
    }

    /** A connection writing holds a transaction id: the job's own, the only one writing while it runs. */
    private static void endWritingConnections() {
        try (Connection connection = TestPostgres.get().adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()"
                    + " AND datname = current_database()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
