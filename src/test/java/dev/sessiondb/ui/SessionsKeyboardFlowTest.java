package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.ui.detail.FieldNode;
import dev.sessiondb.ui.sessions.SessionColumn;
import dev.sessiondb.ui.sessions.SessionRow;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The Sessions tab used from the keyboard only, on the real fixture. A user audit: Esc in the search field did nothing, so
 * the only way back to every session was to select the text and delete it. Esc clears the search, as in browsers and IDEs,
 * and Esc in an empty search goes on to the sessions table, on its first session: the table took the focus with no row
 * selected, nothing marked where the keyboard was, and Down went to the second session. Ctrl+1 and Ctrl+H brought their tab to the front and left the
 * keyboard on the control it was on, out of sight (the search field, or the toolbar's Refresh): the arrow keys then moved
 * nothing shown. Each gives the keyboard to its list. And Ctrl+H in the search field deleted a character (a text field's
 * Backspace) instead of showing the History. In the detail pane a value cut off in its cell could not be copied: Ctrl+C
 * copies the selected field's value whole. A header cannot take the focus, so the keyboard could not sort: the Columns
 * menu sorts by a column as a header click does. With a search typed, Enter and Down in the search field did nothing and Tab
 * went through Columns, Filter and Export before the sessions found: Enter or Down goes on to them.
 */
class SessionsKeyboardFlowTest extends WindowOverFreshRun {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Path fixture = TestStores.fixtureCopy(run);
        settings().update(state -> state.withRecent("json:" + fixture));
        show(stage);
    }

    @Test
    void escClearsTheSearchThenGoesOnToTheTableOnItsFirstSession(FxRobot robot) {
        waitFor(() -> count(robot).equals("217 sessions"));
        robot.push(KeyCode.CONTROL, KeyCode.F);
        waitFor(() -> focusOwner().equals("session-search"));
        TextField search = read(() -> robot.lookup("#session-search").queryAs(TextField.class));
        robot.interact(() -> search.setText("task#1"));
        waitFor(() -> count(robot).endsWith("of 217 sessions"));

        robot.type(KeyCode.ESCAPE);
        waitFor(() -> count(robot).equals("217 sessions"));
        assertThat(read(() -> search.getText())).isEmpty();
        assertThat(read(this::focusOwner)).as("the first Esc only clears").isEqualTo("session-search");

        robot.type(KeyCode.ESCAPE);
        waitFor(() -> focusOwner().equals("sessions-table"));
        TableView<?> table = read(() -> robot.lookup("#sessions-table").queryAs(TableView.class));
        assertThat(read(() -> table.getSelectionModel().getSelectedIndex())).as("the first session, its details shown").isZero();
        waitFor(() -> !robot.lookup("#detail-title").queryAs(Label.class).getText().isEmpty());
        robot.type(KeyCode.DOWN);
        waitFor(() -> table.getSelectionModel().getSelectedIndex() == 1);
    }

    @Test
    void enterOrDownInTheSearchGoesOnToTheSessionsFound(FxRobot robot) {
        waitFor(() -> count(robot).equals("217 sessions"));
        robot.push(KeyCode.CONTROL, KeyCode.F);
        waitFor(() -> focusOwner().equals("session-search"));
        robot.write("task#064");
        robot.type(KeyCode.ENTER);
        waitFor(() -> focusOwner().equals("sessions-table") && count(robot).equals("1 of 217 sessions"));
        waitFor(() -> robot.lookup("#detail-title").queryAs(Label.class).getText().equals("task#064"));

        robot.push(KeyCode.CONTROL, KeyCode.F);
        waitFor(() -> focusOwner().equals("session-search"));
        robot.type(KeyCode.DOWN);
        waitFor(() -> focusOwner().equals("sessions-table"));
    }

    @Test
    void theSessionsAndHistoryShortcutsGiveTheKeyboardToTheirList(FxRobot robot) {
        waitFor(() -> count(robot).equals("217 sessions"));
        robot.push(KeyCode.CONTROL, KeyCode.F);
        waitFor(() -> focusOwner().equals("session-search"));
        TextField search = read(() -> robot.lookup("#session-search").queryAs(TextField.class));
        robot.interact(() -> search.setText("task#1"));

        robot.push(KeyCode.CONTROL, KeyCode.H);
        waitFor(() -> focusOwner().equals("history-table"));
        assertThat(read(() -> search.getText())).as("Ctrl+H is not Backspace here").isEqualTo("task#1");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        waitFor(() -> focusOwner().equals("sessions-table"));
    }

    @Test
    void ctrlCCopiesTheSelectedFieldsValueWhole(FxRobot robot) {
        waitFor(() -> count(robot).equals("217 sessions"));
        robot.interact(() -> robot.lookup("#sessions-table").queryAs(TableView.class).getSelectionModel().select(0));
        TreeTableView<FieldNode> fields = read(() -> robot.lookup("#detail-fields").queryAs(TreeTableView.class));
        waitFor(() -> fields.getRoot() != null && !fields.getRoot().getChildren().isEmpty());
        String longest = read(() -> fields.getRoot().getChildren().stream().map(item -> item.getValue().value())
                .max(Comparator.comparingInt(String::length)).orElseThrow());
        robot.interact(() -> {
            Clipboard.getSystemClipboard().clear();
            fields.requestFocus();
            fields.getSelectionModel().select(fields.getRoot().getChildren().stream()
                    .filter(item -> item.getValue().value().equals(longest)).findFirst().orElseThrow());
        });
        waitFor(() -> focusOwner().equals("detail-fields"));

        robot.push(KeyCode.CONTROL, KeyCode.C);
        waitFor(() -> longest.equals(Clipboard.getSystemClipboard().getString()));
    }

    @Test
    void theColumnsMenuSortsAsAHeaderClickDoes(FxRobot robot) {
        waitFor(() -> count(robot).equals("217 sessions"));
        TableView<SessionRow> table = read(() -> robot.lookup("#sessions-table").queryAs(TableView.class));
        TableColumn<SessionRow, ?> repo = read(() -> table.getColumns().stream().filter(column -> "column-repo".equals(column.getId()))
                .findFirst().orElseThrow());

        sortBy(robot, "Repo, descending");
        waitFor(() -> table.getSortOrder().equals(List.of(repo)) && repo.getSortType() == TableColumn.SortType.DESCENDING);
        assertThat(read(() -> table.getItems().get(0).text(SessionColumn.REPO))).as("the fixture's last repository first").isEqualTo("test-repo");

        sortBy(robot, "The store's own order");
        waitFor(() -> table.getSortOrder().isEmpty());
    }

    /** Picks an order from the Columns menu's Sort by, each item found on the FX thread. */
    private static void sortBy(FxRobot robot, String order) {
        WindowSteps.click(robot, "#table-columns");
        WindowSteps.click(robot, "Sort by");
        WindowSteps.click(robot, order);
    }

    static String count(FxRobot robot) {
        return robot.lookup("#session-count").queryAs(Label.class).getText();
    }

    /** The id of the control with the keyboard, read on the FX thread: inside {@code waitFor} as it is, else through {@code read}. */
    private String focusOwner() {
        Node owner = stage.getScene().getFocusOwner();
        return owner == null || owner.getId() == null ? String.valueOf(owner) : owner.getId();
    }
}
