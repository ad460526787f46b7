package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.waitFor;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.stores.StoreEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * An audit: two recent stores both called sessions.db, in different folders, read as one name in the sidebar. Each of the
 * Recent and Saved lists titles a store with the parent folders that tell it from its namesakes, as the history does.
 */
class SidebarTitlesFlowTest extends WindowOverFreshRun {

    /** The window over two recent stores called sessions.db (work/ open last) and three saved stores, two called session-db.json. */
    @Start
    void start(Stage stage) throws Exception {
        StoreLocator work = created(run.resolve("work/sessions.db"));
        StoreLocator home = created(run.resolve("home/sessions.db"));
        settings().update(state -> state.withRecent(home.display()).withRecent(work.display()).withSavedStores(List.of(
                "json:" + run.resolve("a/project/session-db.json"), "json:" + run.resolve("b/project/session-db.json"), "json:" + run.resolve("only.json"))));
        show(stage);
    }

    @Test
    void namesakesInRecentAndSavedAreToldApartByTheirFolders(FxRobot robot) {
        waitFor(() -> titles(robot, "#recent-stores").equals(List.of("work/sessions.db", "home/sessions.db")));
        waitFor(() -> titles(robot, "#saved-stores").equals(List.of("a/project/session-db.json", "b/project/session-db.json", "only.json")));
        // and the cells show them
        waitFor(() -> robot.lookup("#recent-stores .list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> cell.getItem() instanceof StoreEntry).map(cell -> cell.getAccessibleText()).filter(Objects::nonNull)
                .anyMatch(text -> text.startsWith("home/sessions.db, sqlite")));
    }

    private static StoreLocator created(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        StoreLocator store = StoreLocator.of(StoreFormat.SQLITE, file);
        StoreFactory.open(store, OpenMode.CREATE_IF_MISSING).close();
        return store;
    }

    private static List<String> titles(FxRobot robot, String list) {
        return AppState.read(() -> robot.lookup(list).queryListView().getItems().stream().map(item -> ((StoreEntry) item).title()).toList());
    }
}
