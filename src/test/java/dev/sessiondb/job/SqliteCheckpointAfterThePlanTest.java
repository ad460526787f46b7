package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.Fixtures;
import dev.sessiondb.job.backup.BackupJournal;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite target in WAL mode that another program (Minsky) holds open and checkpoints between a job's plan and its run: the
 * checkpoint rewrites the database file and empties the WAL but changes no record, so the run goes on; a write by that program
 * in between, checkpointed too, is still refused.
 */
class SqliteCheckpointAfterThePlanTest {

    @TempDir
    Path dir;
    private StoreLocator target;
    private MigrateJob job;
    /** Minsky's connection: while it is open, commits stay in the WAL until it checkpoints them. */
    private Connection minsky;
    private SessionRecord minskys;

    @BeforeEach
    void plannedOverCommitsTheWalStillHolds() throws Exception {
        target = StoreContents.create("sqlite:" + dir.resolve("target.db"), SampleSessions.minskyList(5, 7));
        minsky = DriverManager.getConnection("jdbc:sqlite:" + target.path());
        execute("PRAGMA wal_autocheckpoint=0");
        execute("SELECT count(*) FROM sqlite_master"); // a read opens the WAL: it is Minsky's from now on too
        minskys = SampleSessions.minskyList(1, 99).get(0);
        try (SessionStore store = StoreFactory.open(target, OpenMode.EXISTING)) {
            store.put(minskys);
        }
        assertThat(Files.size(Path.of(target.path() + "-wal"))).as("Minsky's commit is in the WAL yet").isPositive();
        StoreLocator source = StoreContents.create("sqlite:" + dir.resolve("source.db"), Fixtures.minskyRecords());
        job = new MigrateJob(source, target, new MigrateOptions(Optional.empty(), Optional.of(TargetMode.MERGE), false, true),
                new BackupJournal(dir.resolve("journal")));
        job.plan();
    }

    @AfterEach
    void closeMinsky() throws SQLException {
        minsky.close();
    }

    @Test
    void aCheckpointAfterThePlanIsNoChange() throws Exception {
        execute("PRAGMA wal_checkpoint(TRUNCATE)");
        minsky.close(); // its last connection closes: it checkpoints and deletes the WAL
        assertThat(Path.of(target.path() + "-wal")).as("the WAL's commits went into the database file").doesNotExist();

        JobReport report = job.run(ProgressMonitor.NONE);

        assertThat(report.outcome()).isEqualTo(JobReport.Outcome.COMPLETED);
        assertThat(StoreContents.records(target).stream().map(SessionRecord::key)).contains(minskys.key())
                .containsAll(Fixtures.minskyRecords().stream().map(SessionRecord::key).toList());
    }

    @Test
    void aWriteAfterThePlanCheckpointedAwayIsStillRefused() throws Exception {
        execute("UPDATE sessions SET record = replace(record, '1', '2') WHERE id = (SELECT min(id) FROM sessions)");
        execute("PRAGMA wal_checkpoint(TRUNCATE)");
        minsky.close();
        List<String> before = StoreContents.canonical(StoreContents.byKey(StoreContents.records(target)));

        assertThatThrownBy(() -> job.run(ProgressMonitor.NONE)).isInstanceOf(JobRefusedException.class)
                .hasMessageContaining("changed after the plan: another program wrote to it");

        assertThat(StoreContents.canonical(StoreContents.byKey(StoreContents.records(target)))).isEqualTo(before);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = minsky.createStatement()) {
            statement.execute(sql);
        }
    }
}
