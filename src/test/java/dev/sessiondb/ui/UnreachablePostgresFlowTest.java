package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.faults.RestartablePostgres;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The window over a PostgreSQL store whose server stops: each search reads once (a failed count is not followed by its
 * page), a connection the server ended is said lost, and once the pool is empty a search says the connection was
 * refused in the reachability probe's words ("(Connection refused)"), not in the driver's that the pool passes on
 * after waiting out its timeout ("(Connection to localhost:PORT refused. ...)"): the refused connection is not
 * tried again for the pool's 5 s. No elapsed time is measured.
 */
class UnreachablePostgresFlowTest extends WindowOverFreshRun {

    /** What the sessions table asked of the store, in order. */
    private final List<String> tableReads = new CopyOnWriteArrayList<>();
    private RestartablePostgres server;
    private StoreLocator locator;

    @Start
    void start(Stage stage) throws Exception {
        server = RestartablePostgres.create(run);
        locator = server.freshSchema();
        try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(3, 7), 3), ProgressMonitor.NONE);
        }
        settings().update(state -> state.withRecent(locator.display()));
        new MainWindow(TestWindows.services(run, dialogs, opened -> countingTableReads(TestWindows.openExisting(opened)), List::of)).show(stage);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aSearchAfterTheServerStoppedReadsOnceAndSaysTheProbeFoundTheConnectionRefused(FxRobot robot) throws Exception {
        waitFor(() -> countText(robot).equals("3 sessions"));
        String unreachable = "cannot reach PostgreSQL at localhost:" + server.port();
        server.close();
        TextField search = read(() -> robot.lookup("#session-search").queryAs(TextField.class));

        // the pool may still hold connections the server ended: a statement on one says the connection was lost, at once;
        // one found dead before use leaves the statement waiting for a new one, which the server refuses: the pool's
        // timeout, ending in the driver's reason
        for (int searches = 1; errors().stream().noneMatch(error -> error.contains(unreachable)); searches++) {
            assertThat(searches).as("searches until the pool holds no connection the server ended").isLessThanOrEqualTo(5);
            searchUntilFailed(robot, search, "task" + searches, searches);
            assertThat(tableReads).as("a failed count is not followed by the page it was for").containsExactly("count");
            assertThat(errors()).last().asString().containsAnyOf(unreachable, "the connection to PostgreSQL was lost");
        }

        // the pool is empty now: the probe's own connect is refused, and the pool does not try for its timeout
        searchUntilFailed(robot, search, "task#1", errors().size() + 1);
        assertThat(tableReads).containsExactly("count");
        assertThat(errors()).last().asString()
                .as("said by the reachability probe, not by the pool after its timeout").contains(unreachable + " (Connection refused)", "check that the server runs");
        assertThat(read(() -> List.copyOf(robot.lookup("#sessions-table").queryAs(TableView.class).getItems()))).isEmpty();
    }

    /** Types a search and waits until the window says it failed, the error dialog being the {@code errors}-th. */
    private void searchUntilFailed(FxRobot robot, TextField search, String text, int errors) {
        tableReads.clear();
        robot.interact(() -> search.setText(text));
        waitFor(() -> dialogs.errors().size() == errors && countText(robot).equals("The search failed"));
    }

    /** The error dialogs shown so far, copied on the FX thread that adds to them. */
    private List<String> errors() {
        return read(() -> List.copyOf(dialogs.errors()));
    }

    private static String countText(FxRobot robot) {
        return robot.lookup("#session-count").queryAs(Label.class).getText();
    }

    /** The reads of the sessions table (a count, a page); the window's look for outside changes is not counted. */
    private SessionStore countingTableReads(SessionStore store) {
        return TestStores.watched(store, method -> {
            if (List.of("count", "page", "pageRecords", "get").contains(method)) {
                tableReads.add(method);
            }
        });
    }
}
