package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sessiondb.job.ProgressTracker;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL schema upgrade stops on cancel inside a statement that would not end by itself: here
 * V6's, waiting for a lock another client holds on the sessions table. The version stays where it was.
 */
class PostgresUpgradeCancelTest {

    /** Bounds a wait for a state, never timing it: without the cancel the upgrade would wait for the lock for good. */
    private static final long LONGEST_WAIT_SECONDS = 60;

    @Test
    void aCancelStopsAStatementWaitingForAnotherClientsLock() throws Exception {
        StoreLocator locator = TestPostgres.get().freshSchema();
        PGSimpleDataSource dataSource = TestPostgres.get().createdSchema(locator);
        NativeSchema.migrate(dataSource, Dialect.POSTGRESQL, dataSource.getCurrentSchema(), "5");
        ProgressTracker monitor = new ProgressTracker();
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING); Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("LOCK TABLE sessions IN ACCESS SHARE MODE");
            }
            CompletableFuture<Void> upgrade = CompletableFuture.runAsync(() -> store.upgrade(monitor));
            awaitAStatementWaitingForALock(other, dataSource.getCurrentSchema());

            monitor.cancel();

            Throwable stopped = catchThrowable(() -> upgrade.get(LONGEST_WAIT_SECONDS, TimeUnit.SECONDS));
            other.rollback();

            assertThat(stopped).as("the upgrade, cancelled while its statement waits").isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(CancelledException.class);
            assertThat(store.info().schemaVersion()).isEqualTo("5");
        }
    }

    /** The upgrade's statement shows in pg_locks, waiting for a lock on this schema's sessions table. */
    private static void awaitAStatementWaitingForALock(Connection other, String schema) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LONGEST_WAIT_SECONDS);
        try (PreparedStatement waiting = other.prepareStatement("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT l.granted AND c.relname = 'sessions' AND n.nspname = ?")) {
            waiting.setString(1, schema);
            while (true) {
                try (ResultSet rows = waiting.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the upgrade never waited for the lock");
                }
                Thread.sleep(50);
            }
        }
    }
}
