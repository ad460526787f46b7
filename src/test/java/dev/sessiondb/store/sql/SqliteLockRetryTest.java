package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another process holding the write lock of a SQLite store (Minsky mid-write) for longer than
 * the busy timeout: the write waits, tries again, and succeeds once the lock is released.
 */
class SqliteLockRetryTest {

    /** Longer than the connection's busy timeout (5 s), so the first try gives up and a retry succeeds. */
    private static final long HOLD_MILLIS = 6_500;

    @TempDir
    Path directory;

    @Test
    void aWriteWaitsForAnotherConnectionsLockInsteadOfFailing() throws Exception {
        Path file = directory.resolve("shared.db");
        List<SessionRecord> records = SampleSessions.minskyList(4, 3);
        try (SessionStore store = StoreFactory.open(StoreLocator.parse("sqlite:" + file), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.upsert(records.subList(0, 2).iterator(), 2), ProgressMonitor.NONE);

            CountDownLatch locked = new CountDownLatch(1);
            Thread holder = new Thread(() -> holdWriteLock(file, locked), "other-process");
            holder.start();
            locked.await();

            store.put(records.get(2));
            store.write(WriteBatch.delete(Set.of(records.get(0).key())), ProgressMonitor.NONE);
            holder.join();

            assertThat(store.get(records.get(2).key())).isPresent();
            assertThat(store.get(records.get(0).key())).isEmpty();
            assertThat(store.get("held-by-the-other-process")).as("the other process's write was kept too").isPresent();
        }
    }

    @Test
    void onlyBusyAndLockedAnswersAreTriedAgain() {
        assertThat(SqliteBusyRetry.isBusy(new RuntimeException("x", new SQLException("[SQLITE_BUSY] The database file is locked (database is locked)"))))
                .isTrue();
        assertThat(SqliteBusyRetry.isBusy(new RuntimeException("x", new SQLException("[SQLITE_CONSTRAINT] UNIQUE constraint failed")))).isFalse();
    }

    private static void holdWriteLock(Path file, CountDownLatch locked) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("INSERT INTO sessions (session_key, record) VALUES ('held-by-the-other-process', '{\"session\":\"held-by-the-other-process\"}')");
            locked.countDown();
            Thread.sleep(HOLD_MILLIS);
            statement.execute("COMMIT");
        } catch (Exception e) {
            locked.countDown();
            throw new IllegalStateException(e);
        }
    }
}
