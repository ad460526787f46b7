package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.click;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.sessions.SessionRow;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A user audit: the focus, in a control of the detail pane that a step hid (the edit form once saved or left with Esc,
 * the Delete button of a session deleted), went to the window's last control, the Jobs toggle at the bottom, so the
 * next key pressed did nothing the user could see. It goes back to Edit, and to the sessions table. A later one: after a
 * deletion no row was selected and the detail pane stayed empty; the row that took the deleted one's place is selected.
 */
class DetailFocusFlowTest extends WindowOverFreshRun {

    private Stage stage;
    private Path fixture;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fixture = TestStores.fixtureCopy(run);
        settings().update(state -> state.withRecent("json:" + fixture));
        show(stage);
    }

    @Test
    void leavingTheEditFormWithEscOrSavingGivesTheFocusBackToEdit(FxRobot robot) {
        selectSession(robot, 4);
        click(robot, "#edit-session");
        waitFor(() -> robot.lookup("#edit-repoName").query().isFocused() || robot.lookup("#edit-repoUrl").query().isFocused());
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> !robot.lookup("#edit-session").query().isDisabled());
        assertThat(focusOwner()).isEqualTo("edit-session");

        click(robot, "#edit-session");
        click(robot, "#edit-repoName");
        waitFor(() -> robot.lookup("#edit-repoName").query().isFocused());
        robot.type(KeyCode.END).write("-renamed");
        waitFor(() -> robot.lookup("#edit-repoName").queryAs(TextField.class).getText().endsWith("-renamed"));
        robot.type(KeyCode.ENTER);
        waitFor(() -> dialogs.notifications().stream().anyMatch(note -> note.startsWith("Edit of ") && note.endsWith("done (Ctrl+Z undoes it)")));
        assertThat(focusOwner()).isEqualTo("edit-session");
    }

    @Test
    void deletingASessionSelectsTheOneThatTookItsPlace(FxRobot robot) {
        selectSession(robot, 4);
        TableView<?> table = read(() -> robot.lookup("#sessions-table").queryAs(TableView.class));
        String following = read(() -> ((SessionRow) table.getItems().get(5)).record().key());
        deleteAndWaitForASelection(robot, table);
        assertThat(read(() -> table.getSelectionModel().getSelectedIndex())).isEqualTo(4);
        assertThat(read(() -> ((SessionRow) table.getSelectionModel().getSelectedItem()).record().key())).isEqualTo(following);
        assertThat(read(() -> robot.lookup("#detail-title").queryAs(Label.class).getText())).contains(following);
        assertThat(focusOwner()).isEqualTo("sessions-table");
    }

    @Test
    void deletingTheLastSessionSelectsTheOneBefore(FxRobot robot) {
        selectSession(robot, 216);
        TableView<?> table = read(() -> robot.lookup("#sessions-table").queryAs(TableView.class));
        String previous = read(() -> ((SessionRow) table.getItems().get(215)).record().key());
        deleteAndWaitForASelection(robot, table);
        assertThat(read(() -> table.getSelectionModel().getSelectedIndex())).isEqualTo(215);
        assertThat(read(() -> ((SessionRow) table.getSelectionModel().getSelectedItem()).record().key())).isEqualTo(previous);
    }

    /** Another program deleted a session above the selected one: the selected session stays selected, one row up, not its old row. */
    @Test
    void aSessionDeletedAboveByAnotherProgramLeavesTheSelectedOneSelected(FxRobot robot) {
        selectSession(robot, 4);
        TableView<?> table = read(() -> robot.lookup("#sessions-table").queryAs(TableView.class));
        String above = read(() -> ((SessionRow) table.getItems().get(1)).record().key());
        String selected = read(() -> ((SessionRow) table.getItems().get(4)).record().key());
        try (SessionStore other = StoreFactory.open(StoreLocator.of(StoreFormat.JSON, fixture), OpenMode.EXISTING)) {
            other.delete(above);
        }
        waitFor(() -> robot.lookup("#external-changes").query().isVisible());
        click(robot, "#external-changes-reload");
        waitFor(() -> robot.lookup("#session-count").queryAs(Label.class).getText().equals("216 sessions") && table.getSelectionModel().getSelectedIndex() >= 0);

        assertThat(read(() -> table.getSelectionModel().getSelectedIndex())).isEqualTo(3);
        assertThat(read(() -> ((SessionRow) table.getSelectionModel().getSelectedItem()).record().key())).isEqualTo(selected);
        assertThat(read(() -> robot.lookup("#detail-title").queryAs(Label.class).getText())).contains(selected);
    }

    private void deleteAndWaitForASelection(FxRobot robot, TableView<?> table) {
        dialogs.answer(true);
        click(robot, "#delete-session");
        waitFor(() -> robot.lookup("#session-count").queryAs(Label.class).getText().equals("216 sessions")
                && table.getSelectionModel().getSelectedIndex() >= 0 && !robot.lookup("#detail-title").queryAs(Label.class).getText().isEmpty());
    }

    private static void selectSession(FxRobot robot, int row) {
        waitFor(() -> robot.lookup("#session-count").queryAs(Label.class).getText().equals("217 sessions"));
        robot.interact(() -> {
            TableView<?> table = robot.lookup("#sessions-table").queryAs(TableView.class);
            table.requestFocus();
            table.getSelectionModel().select(row);
        });
        waitFor(() -> !robot.lookup("#detail-title").queryAs(Label.class).getText().isEmpty());
    }

    private String focusOwner() {
        return read(() -> {
            Node owner = stage.getScene().getFocusOwner();
            return owner == null ? null : owner.getId();
        });
    }
}
