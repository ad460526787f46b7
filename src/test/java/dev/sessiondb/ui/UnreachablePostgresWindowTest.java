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
import java.net.ConnectException;
import java.net.ServerSocket;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL store whose server went away under the window: the audit waited about 20 s for "cannot reach PostgreSQL",
 * the pool trying for its whole connection timeout even when the connection was refused outright. Asserted without
 * measuring time: once the pool is empty, the failure is the reachability probe's refused connect ("(Connection refused)"),
 * not the driver's reason the pool passes on after its timeout; opening a store where nothing listens fails on the
 * refused connect itself, not on the pool's wait for a connection ({@link SQLTransientConnectionException}).
 */
class UnreachablePostgresWindowTest {

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
    void aSearchOnAStoppedServerReadsOnceAndSaysTheProbeFoundTheConnectionRefused() throws Exception {
        BackupJournal journal = new BackupJournal(directory.resolve("journal"));
        SessionsViewModel sessions = new SessionsViewModel(current, executor, dialogs, new ColumnChoices(directory.resolve("columns.json")), journal);
        new DetailViewModel(current, executor, dialogs, new UndoStack(executor, dialogs), journal);
        String unreachable;
        try (RestartablePostgres server = RestartablePostgres.create(directory)) {
            StoreLocator locator = server.freshSchema();
            try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
                store.write(WriteBatch.replaceAll(SampleSessions.minsky(3, 7), 3), ProgressMonitor.NONE);
            }
            current.show(countingReads(StoreFactory.open(locator, OpenMode.EXISTING)));
            assertThat(sessions.countProperty().get()).isEqualTo("3 sessions");
            unreachable = "cannot reach PostgreSQL at localhost:" + server.port();
        }

        // the pool may still hold connections the server ended: a statement on one says the connection was lost, at once
        // (one found dead before use leaves the statement waiting for a new one: the pool's timeout, 5 s)
        for (int searches = 1; dialogs.errors().stream().noneMatch(error -> error.toString().contains(unreachable)); searches++) {
            assertThat(searches).as("searches until the pool holds no connection the server ended").isLessThanOrEqualTo(5);
            search(sessions, "task" + searches);
            assertThat(reads).as("a failed count is not followed by the page it was for").containsExactly("count");
            assertThat(dialogs.errors()).last().asString().containsAnyOf(unreachable, "the connection to PostgreSQL was lost");
        }

        int before = dialogs.errors().size();
        search(sessions, "task#1");

        assertThat(reads).containsExactly("count");
        assertThat(sessions.readFailureProperty().get()).startsWith("The search failed: ")
                .as("said by the reachability probe, not by the pool after its timeout").contains(unreachable + " (Connection refused)", "check that the server runs");
        assertThat(dialogs.errors()).hasSize(before + 1).last().asString().contains(unreachable);
    }

    @Test
    void openingAStoreWhereNothingListensSaysSoAtOnce() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Throwable failure = catchThrowable(() -> StoreFactory.open("postgresql://postgres@localhost:" + port + "/postgres", OpenMode.EXISTING));

        assertThat(failure).isInstanceOf(StoreException.class).hasMessageContaining("cannot reach PostgreSQL at localhost:" + port)
                .hasRootCauseInstanceOf(ConnectException.class);
        assertThat(causes(failure)).as("the refused connect itself, not the pool's wait for a connection").noneMatch(SQLTransientConnectionException.class::isInstance);
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    private void search(SessionsViewModel sessions, String text) {
        reads.clear();
        sessions.searchProperty().set(text);
        assertThat(sessions.loadingProperty().get()).isFalse();
        assertThat(sessions.countProperty().get()).isEqualTo("The search failed");
    }

    private SessionStore countingReads(SessionStore store) {
        return TestStores.watched(store, method -> {
            if (!NOT_READS.contains(method)) {
                reads.add(method);
            }
        });
    }
}
