package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.ui.sessions.PagedSessionList;
import dev.sessiondb.ui.sessions.SessionRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A result longer than the rows the table holds at once ({@link PagedSessionList#WINDOW_ROWS}):
 * the bar beside the table stands for all of it, and every row can be reached, shown and
 * selected as in a short one.
 */
class LongResultFlowTest extends WindowOverFreshRun {

    private static final int SESSIONS = 25_000;

    private static Path store;

    @BeforeAll
    static void makeStore() {
        store = directory.resolve("long.db");
        try (SessionStore sessions = StoreFactory.open(StoreLocator.of(StoreFormat.SQLITE, store), OpenMode.CREATE_IF_MISSING)) {
            sessions.write(WriteBatch.replaceAll(SampleSessions.minsky(SESSIONS, 3), SESSIONS), ProgressMonitor.NONE);
        }
    }

    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void theBarBesideTheTableReachesTheLastRowsAndBackToTheFirst(FxRobot robot) {
        open(robot);
        ScrollBar wholeResult = read(() -> robot.lookup("#sessions-scroll").queryAs(ScrollBar.class));

        assertThat(read(wholeResult::isVisible)).isTrue();
        assertThat(read(wholeResult::getWidth)).as("room beside a table wider than the view").isGreaterThan(5);
        assertThat(read(wholeResult::getMax)).isGreaterThan(SESSIONS - 100);
        assertThat(read(() -> table(robot).getItems().size())).isEqualTo(PagedSessionList.WINDOW_ROWS);
        assertThat(read(() -> robot.lookup("#sessions-table .scroll-bar").queryAllAs(ScrollBar.class).stream()
                .filter(bar -> bar.getOrientation() == Orientation.VERTICAL).map(ScrollBar::getWidth).toList()))
                .as("the table's own vertical bar, which would stand for its window only")
                .allSatisfy(width -> assertThat(width).isZero());

        scrollBarTo(robot, wholeResult, 24_000);
        assertThat(read(() -> keysShown(robot))).contains(key(24_000));

        scrollBarTo(robot, wholeResult, 0);
        assertThat(read(() -> ((PagedSessionList) table(robot).getItems()).start())).isZero();
    }

    @Test
    void theTableScrolledByItselfMovesTheBarAndItsWindow(FxRobot robot) {
        open(robot);
        ScrollBar wholeResult = read(() -> robot.lookup("#sessions-scroll").queryAs(ScrollBar.class));

        robot.interact(() -> table(robot).scrollTo(9_500));

        waitFor(() -> ((PagedSessionList) table(robot).getItems()).start() > 0 && shown(robot).contains(9_500L));
        waitFor(() -> Math.abs(wholeResult.getValue() - 9_500) < 5);
    }

    @Test
    void endAndHomeGoToTheEndsOfTheWholeResult(FxRobot robot) {
        open(robot);
        robot.clickOn(WindowSteps.sessionCell(robot, 0));
        waitFor(() -> selected(robot) != null && selected(robot).index() == 0);

        robot.push(KeyCode.END);
        waitFor(() -> selected(robot).index() == SESSIONS - 1 && selected(robot).isLoaded());
        waitFor(() -> detailTitle(robot).equals(key(SESSIONS - 1)));

        robot.push(KeyCode.HOME);
        waitFor(() -> selected(robot).index() == 0 && detailTitle(robot).equals(key(0)));
    }

    @Test
    void aSelectedRowIsStillSelectedAfterScrollingFarAwayAndBack(FxRobot robot) {
        open(robot);
        ScrollBar wholeResult = read(() -> robot.lookup("#sessions-scroll").queryAs(ScrollBar.class));
        scrollBarTo(robot, wholeResult, 20_000);
        robot.interact(() -> table(robot).getSelectionModel().select(20_000 - ((PagedSessionList) table(robot).getItems()).start()));
        waitFor(() -> detailTitle(robot).equals(key(20_000)));

        scrollBarTo(robot, wholeResult, 1_000);
        assertThat(read(() -> List.copyOf(table(robot).getSelectionModel().getSelectedItems()))).as("the selected row is outside this window").isEmpty();
        scrollBarTo(robot, wholeResult, 20_000);

        assertThat(read(() -> selected(robot).index())).isEqualTo(20_000);
        assertThat(read(() -> detailTitle(robot))).isEqualTo(key(20_000));
    }

    @Test
    void aSearchShowsItsResultFromItsFirstRowWhereverTheTableWas(FxRobot robot) {
        open(robot);
        ScrollBar wholeResult = read(() -> robot.lookup("#sessions-scroll").queryAs(ScrollBar.class));
        scrollBarTo(robot, wholeResult, 24_000);

        robot.interact(() -> robot.lookup("#session-search").queryAs(TextField.class).setText("minsky"));

        waitFor(() -> robot.lookup("#session-count").queryAs(Label.class).getText().matches("[0-9,]+ of 25,000 sessions"));
        waitFor(() -> !shown(robot).isEmpty() && shown(robot).get(0) == 0L);
        assertThat(read(() -> table(robot).getItems().get(0).record().fields().path("repoName").asText())).contains("minsky");
        assertThat(read(wholeResult::isVisible)).as("a longer result than the table holds at once").isTrue();
        assertThat(read(wholeResult::getValue)).isZero();
    }

    /** Moves the bar for the whole result as a drag would, and waits until that row is on screen. */
    private static void scrollBarTo(FxRobot robot, ScrollBar wholeResult, int row) {
        robot.interact(() -> wholeResult.setValue(row));
        waitFor(() -> shown(robot).contains((long) row));
    }

    private void open(FxRobot robot) {
        dialogs.answer(store);
        robot.push(KeyCode.CONTROL, KeyCode.O);
        waitFor(() -> robot.lookup("#session-count").queryAs(Label.class).getText().equals("25,000 sessions"));
        waitFor(() -> shown(robot).contains(0L));
    }

    /** The rows on screen whose record is shown, as indices of the whole result. */
    private static List<Long> shown(FxRobot robot) {
        List<Long> rows = new ArrayList<>();
        VirtualFlow<?> flow = robot.lookup("#sessions-table .virtual-flow").queryAs(VirtualFlow.class);
        for (int cell = 0; cell < flow.getCellCount(); cell++) {
            IndexedCell<?> shown = flow.getVisibleCell(cell);
            if (shown != null && shown.isVisible() && shown.getItem() instanceof SessionRow row && row.isLoaded()) {
                rows.add(row.index());
            }
        }
        return rows;
    }

    private static List<String> keysShown(FxRobot robot) {
        return table(robot).getItems().stream().filter(SessionRow::isLoaded).map(row -> row.record().key()).toList();
    }

    private static SessionRow selected(FxRobot robot) {
        return table(robot).getSelectionModel().getSelectedItem();
    }

    private static String detailTitle(FxRobot robot) {
        return robot.lookup("#detail-title").queryAs(Label.class).getText();
    }

    private static String key(long index) {
        return SampleSessions.minskyRecord(index, 3).key();
    }

    @SuppressWarnings("unchecked")
    private static TableView<SessionRow> table(FxRobot robot) {
        return robot.lookup("#sessions-table").queryAs(TableView.class);
    }
}
