package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write into PostgreSQL whose connection the server ends before the commit: rolled back for certain, so its backup goes. */
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
