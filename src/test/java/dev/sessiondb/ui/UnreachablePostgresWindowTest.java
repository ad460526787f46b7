package dev.sessiondb.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sessiondb.faults.RestartablePostgres;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.CurrentThreadTaskExecutor;
import dev.sessiondb.ui.common.UndoStack;
import dev.sessiondb.ui.detail.DetailViewModel;
import dev.sessiondb.ui.sessions.ColumnChoices;
import dev.sessiondb.ui.sessions.SessionsViewModel;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL store whose server went away under the window: the audit waited about 20 s for "cannot reach PostgreSQL",
 * the pool trying for its whole connection timeout even when the connection was refused outright.
 */
class UnreachablePostgresWindowTest {

    /** Below the pool's connection timeout (5 s; it was 10 s), which a refused connection no longer waits out. */
    private static final Duration PROMPTLY = Duration.ofSeconds(3);
    /** The store's methods that read it; naming it and the like do not. */
    private static final Set<String> NOT_READS = Set.of("locator", "close", "searchReadsEveryRecord");

    @TempDir
    Path directory;

    private final CurrentStore current = new CurrentStore();
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final List<String> reads = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        current.close();
    }

    @Test
    void aSearchOnAStoppedServerReadsOnceAndSaysItCannotReachItWithinSeconds() throws Exception {
        BackupJournal journal = new BackupJournal(directory.resolve("journal"));
        SessionsViewModel sessions = new SessionsViewModel(current, executor, dialogs, new ColumnChoices(directory.resolve("columns.json")), journal);
        new DetailViewModel(current, executor, dialogs, new UndoStack(executor, dialogs), journal);
        StoreLocator locator;
        try (RestartablePostgres server = RestartablePostgres.create(directory)) {
            locator = server.freshSchema();
            try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
                store.write(WriteBatch.replaceAll(SampleSessions.minsky(3, 7), 3), ProgressMonitor.NONE);
            }
            current.show(countingReads(StoreFactory.open(locator, OpenMode.EXISTING)));
            assertThat(sessions.countProperty().get()).isEqualTo("3 sessions");
        }
        String unreachable = "cannot reach PostgreSQL at localhost:" + port(locator);

        // the pool may still hold connections the server ended: a statement on one says the connection was lost, at once
        // (one found dead before use leaves the statement waiting for a new one: the pool's timeout, 5 s)
        for (int searches = 1; dialogs.errors().stream().noneMatch(error -> error.toString().contains(unreachable)); searches++) {
            assertThat(searches).as("searches until the pool holds no connection the server ended").isLessThanOrEqualTo(5);
            search(sessions, "task" + searches);
            assertThat(reads).as("a failed count is not followed by the page it was for").containsExactly("count");
            assertThat(dialogs.errors()).last().asString().containsAnyOf(unreachable, "the connection to PostgreSQL was lost");
        }

        int before = dialogs.errors().size();
        long started = System.nanoTime();
        search(sessions, "task#1");
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(reads).containsExactly("count");
        assertThat(waited).as("a refused connection is not tried again until the pool's timeout").isLessThan(PROMPTLY);
        assertThat(sessions.readFailureProperty().get()).startsWith("The search failed: ").contains(unreachable, "check that the server runs");
        assertThat(dialogs.errors()).hasSize(before + 1).last().asString().contains(unreachable);
    }

    @Test
    void openingAStoreWhereNothingListensSaysSoAtOnce() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        long started = System.nanoTime();
        Throwable failure = catchThrowable(() -> StoreFactory.open("postgresql://postgres@localhost:" + port + "/postgres", OpenMode.EXISTING));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPTLY);
        assertThat(failure).isInstanceOf(StoreException.class).hasMessageContaining("cannot reach PostgreSQL at localhost:" + port);
    }

    private void search(SessionsViewModel sessions, String text) {
        reads.clear();
        sessions.searchProperty().set(text);
        assertThat(sessions.loadingProperty().get()).isFalse();
        assertThat(sessions.countProperty().get()).isEqualTo("The search failed");
    }

    private static String port(StoreLocator locator) {
        String url = locator.display();
        return url.substring(url.indexOf("localhost:") + "localhost:".length()).replaceAll("[^0-9].*", "");
    }

    private SessionStore countingReads(SessionStore store) {
        return TestStores.watched(store, method -> {
            if (!NOT_READS.contains(method)) {
                reads.add(method);
            }
        });
    }
}
