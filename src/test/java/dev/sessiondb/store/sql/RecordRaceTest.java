package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StaleRecordException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another client changes a record while the app's guarded write of it is under way: the write
 * waits for the other's lock, then compares with what the other committed and refuses, with both
 * versions; the other's change stays. Without one atomic compare-and-write the app would have
 * compared with the old row and then overwritten the new one.
 */
class RecordRaceTest {

    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @Test
    void sqliteAChangeCommittedWhileTheGuardedWriteWaitsIsNotOverwritten() throws Exception {
        Path file = directory.resolve("m.db");
        StoreLocator locator = StoreLocator.parse("sqlite:" + file + "?layout=minsky");
        try (SessionStore app = filled(locator); Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            SessionRecord loaded = app.get(key()).orElseThrow();
            other.setAutoCommit(true);
            execute(other, "BEGIN IMMEDIATE");
            changeBranch(other, "theirs");

            AtomicReference<Thread> writer = new AtomicReference<>();
            CompletableFuture<Optional<SessionRecord>> save = CompletableFuture.supplyAsync(() -> {
                writer.set(Thread.currentThread());
                return app.writeIfUnchanged(key(), Optional.of(loaded), Optional.of(loaded.with("branch", "mine")));
            });
            waitUntil(() -> writer.get() != null && Arrays.stream(writer.get().getStackTrace())
                    .anyMatch(frame -> frame.getMethodName().equals("beginLocked")), "the app's write waits for SQLite's write lock");
            execute(other, "COMMIT");

            assertRefusedWithBothVersions(save, loaded);
            assertThat(app.get(key()).orElseThrow().branch()).contains("theirs");
        }
    }

    @Test
    void postgresAChangeCommittedWhileTheGuardedWriteWaitsIsNotOverwritten() throws Exception {
        StoreLocator locator = minskyPostgres();
        try (SessionStore app = filled(locator); Connection other = TestPostgres.get().adminConnection();
             Connection watcher = TestPostgres.get().adminConnection()) {
            SessionRecord loaded = app.get(key()).orElseThrow();
            execute(other, "SET search_path TO " + Dialect.quote(locator.param("schema").orElseThrow()));
            other.setAutoCommit(false);
            changeBranch(other, "theirs");

            CompletableFuture<Optional<SessionRecord>> save = CompletableFuture.supplyAsync(
                    () -> app.writeIfUnchanged(key(), Optional.of(loaded), Optional.of(loaded.with("branch", "mine"))));
            waitUntil(() -> waitingForALock(watcher), "the app's write waits for the row lock");
            other.commit();

            assertRefusedWithBothVersions(save, loaded);
            assertThat(app.get(key()).orElseThrow().branch()).contains("theirs");
        }
    }

    @Test
    void postgresARecordAnotherClientCreatedIsNotOverwrittenByAnUndoOfItsDeletion() {
        StoreLocator locator = minskyPostgres();
        try (SessionStore app = filled(locator); SessionStore other = StoreFactory.open(locator, OpenMode.EXISTING)) {
            SessionRecord loaded = app.get(key()).orElseThrow();
            app.writeIfUnchanged(key(), Optional.of(loaded), Optional.empty());
            other.put(loaded.with("branch", "theirs"));

            assertThatThrownBy(() -> app.writeIfUnchanged(key(), Optional.empty(), Optional.of(loaded)))
                    .isInstanceOfSatisfying(StaleRecordException.class, stale -> {
                        assertThat(stale.loaded()).isEmpty();
                        assertThat(stale.current().orElseThrow().branch()).contains("theirs");
                    });
            assertThat(app.get(key()).orElseThrow().branch()).contains("theirs");
        }
    }

    /** Minsky's PostgreSQL table as Minsky creates it, with the {@code branch} column of its 2026 schema. */
    private static StoreLocator minskyPostgres() {
        StoreLocator minsky = MinskySchemas.postgres(false);
        TestPostgres.get().execute("ALTER TABLE " + minsky.param("schema").orElseThrow() + ".sessions ADD COLUMN branch varchar(255)");
        return minsky;
    }

    private static void assertRefusedWithBothVersions(CompletableFuture<Optional<SessionRecord>> save, SessionRecord loaded) {
        assertThatThrownBy(save::get).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(StaleRecordException.class, stale -> {
                    assertThat(stale.loaded()).contains(loaded);
                    assertThat(stale.current().orElseThrow().branch()).contains("theirs");
                    assertThat(stale.getMessage()).contains(key(), "nothing was written");
                });
    }

    private static boolean waitingForALock(Connection watcher) {
        try (Statement statement = watcher.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
            rows.next();
            return rows.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits on a state, bounded so a broken build fails instead of hanging; the bound is no timing assertion. */
    private static void waitUntil(BooleanSupplier state, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
        while (!state.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never reached: " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void changeBranch(Connection connection, String branch) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sessions SET branch = ? WHERE session = ?")) {
            update.setString(1, branch);
            update.setString(2, key());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String key() {
        return records().get(0).key();
    }

    private static List<SessionRecord> records() {
        return SampleSessions.minskyList(3, 21);
    }

    private static SessionStore filled(StoreLocator locator) {
        SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING);
        store.write(WriteBatch.upsert(records().iterator(), 3), ProgressMonitor.NONE);
        return store;
    }
}
