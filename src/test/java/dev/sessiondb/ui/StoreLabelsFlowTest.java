package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;

import dev.sessiondb.Fixtures;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.stores.StoreEntry;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The audit: the Discovered entry of the open store kept "217 sessions" after another program grew it to 219, and the
 * status line kept "Opened" and the first store after another was opened from Recent. Both say what is true now.
 */
class StoreLabelsFlowTest extends WindowOverFreshRun {

    private StoreLocator discovered;
    private StoreLocator other;

    /** The window over the fixture, discovered and open last, and an empty SQLite store among the recent ones. */
    @Start
    void start(Stage stage) throws Exception {
        discovered = StoreLocator.of(StoreFormat.JSON, TestStores.fixtureCopy(run));
        other = StoreLocator.of(StoreFormat.SQLITE, run.resolve("other.db"));
        StoreFactory.open(other, OpenMode.CREATE_IF_MISSING).close();
        settings().update(state -> state.withRecent(other.display()).withRecent(discovered.display()));
        List<StoreEntry> found = List.of(StoreEntry.of(discovered.display(), String.format("SESSIONDB_STORE · %,d sessions", Fixtures.MINSKY_COUNT)));
        new MainWindow(TestWindows.services(run, dialogs, TestWindows::openExisting, () -> found)).show(stage);
    }

    @Test
    void theDiscoveredEntryOfTheOpenStoreCountsTheSessionsAnotherProgramAdded(FxRobot robot) throws Exception {
        waitFor(() -> discoveredDetail(robot).endsWith(" · " + Fixtures.MINSKY_COUNT + " sessions"));

        try (SessionStore minsky = StoreFactory.open(discovered, OpenMode.EXISTING)) {
            minsky.put(SessionRecord.of(JsonCodec.parseObject("{\"session\": \"added-1\", \"repoName\": \"edobry/minsky\"}")));
            minsky.put(SessionRecord.of(JsonCodec.parseObject("{\"session\": \"added-2\", \"repoName\": \"edobry/minsky\"}")));
        }

        waitFor(() -> discoveredDetail(robot).equals("json · SESSIONDB_STORE · " + (Fixtures.MINSKY_COUNT + 2) + " sessions"));
    }

    @Test
    void theStatusLineNamesTheStoreOpenedFromRecentNotTheOneBefore(FxRobot robot) {
        waitFor(() -> read(() -> dialogs.notifications().contains("Opened " + discovered.display())));

        waitFor(() -> robot.lookup("#recent-stores .list-cell").queryAllAs(ListCell.class).stream()
                .anyMatch(cell -> cell.getItem() instanceof StoreEntry entry && entry.locator().equals(other.display())));
        robot.clickOn(read(() -> robot.lookup("#recent-stores .list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> cell.getItem() instanceof StoreEntry entry && entry.locator().equals(other.display())).findFirst().map(Node.class::cast).orElseThrow()));

        waitFor(() -> read(() -> dialogs.notifications().get(dialogs.notifications().size() - 1)).equals("Opened " + other.display()));
    }

    private static String discoveredDetail(FxRobot robot) {
        return read(() -> robot.lookup("#discovered-stores").queryListView().getItems().stream().map(item -> ((StoreEntry) item).detail())
                .findFirst().orElse(""));
    }
}
