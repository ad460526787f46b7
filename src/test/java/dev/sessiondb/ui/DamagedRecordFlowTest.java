package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.ui.sessions.SessionColumn;
import dev.sessiondb.ui.sessions.SessionRow;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The window over a SQLite store with one damaged record: the table shows it marked, and selecting it shows what to do in place of its fields. */
class DamagedRecordFlowTest extends WindowOverFreshRun {

    private static final int SESSIONS = 30;
    private static final int DAMAGED_ROW = 3;

    private static Path store;

    @BeforeAll
    static void makeStore() throws SQLException {
        store = TestStores.sqliteWithDamagedRecord(directory.resolve("recovered.db"), SESSIONS, DAMAGED_ROW);
    }

    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void theDamagedRowIsMarkedAndSelectingItShowsTheFixInsteadOfFields(FxRobot robot) {
        dialogs.answer(store);
        robot.push(KeyCode.CONTROL, KeyCode.O);
        waitFor(() -> robot.lookup("#session-count").queryAs(Label.class).getText().equals("30 sessions"));

        assertThat(read(() -> table(robot).getItems().get(DAMAGED_ROW).text(SessionColumn.SESSION))).isEqualTo(key(DAMAGED_ROW));
        assertThat(read(() -> table(robot).getItems().get(DAMAGED_ROW).text(SessionColumn.STATUS))).isEqualTo(SessionRow.DAMAGED);

        robot.interact(() -> table(robot).getSelectionModel().select(DAMAGED_ROW));
        Label damage = read(() -> robot.lookup("#detail-damage").queryAs(Label.class));
        waitFor(() -> damage.isVisible() && damage.getText().contains("DELETE FROM sessions WHERE session_key = '" + key(DAMAGED_ROW) + "'"));
        assertThat(read(() -> robot.lookup("#detail-title").queryAs(Label.class).getText())).isEqualTo(key(DAMAGED_ROW));
        assertThat(read(() -> robot.lookup("#detail-tabs").queryAs(Node.class).isVisible())).as("no fields to show").isFalse();
        assertThat(read(() -> robot.lookup("#edit-session").queryAs(Node.class).isDisabled())).isTrue();

        robot.interact(() -> table(robot).getSelectionModel().select(DAMAGED_ROW + 1));
        waitFor(() -> !damage.isVisible() && robot.lookup("#detail-title").queryAs(Label.class).getText().equals(key(DAMAGED_ROW + 1)));
        assertThat(read(() -> robot.lookup("#detail-tabs").queryAs(Node.class).isVisible())).isTrue();
        assertThat(dialogs.errors()).isEmpty();
    }

    /**
     * A walk: the fixes of the store's other findings were ticked and Next offered, though a repair refuses a damaged store, which
     * the user learnt only from the preview's error. The Findings page says so, names the damaged record and what to do first,
     * and offers neither the fixes nor Next.
     */
    @Test
    void theFindingsPageSaysTheDamagedRecordStopsTheFixesAndOffersNoNext(FxRobot robot) {
        dialogs.answer(store);
        robot.push(KeyCode.CONTROL, KeyCode.O);
        waitFor(() -> robot.lookup("#session-count").queryAs(Label.class).getText().equals("30 sessions"));
        WindowSteps.openFromJobsMenu(robot, "Validate and repair a store…");
        WindowSteps.press(robot, "#validate-next");

        waitFor(() -> robot.lookup("#validate-fixes .check-box").tryQuery().isPresent()
                && WindowSteps.text(robot, "#validate-status").contains("No fix can be made while the store is damaged"));

        assertThat(WindowSteps.text(robot, "#validate-status")).contains("session '" + key(DAMAGED_ROW) + "' holds a damaged record")
                .contains("First restore the store from a backup, or delete that row (DELETE FROM sessions WHERE session_key = '" + key(DAMAGED_ROW) + "'")
                .contains("--skip-unreadable");
        List<CheckBox> fixes = read(() -> List.copyOf(robot.lookup("#validate-fixes .check-box").queryAllAs(CheckBox.class)));
        assertThat(fixes).isNotEmpty();
        assertThat(read(() -> fixes.stream().allMatch(fix -> fix.isDisabled() && !fix.isSelected()))).as("no fix ticked or offered").isTrue();
        assertThat(read(() -> robot.lookup("#validate-next").queryAs(Node.class).isDisabled())).as("a repair would refuse the store").isTrue();
        assertThat(dialogs.errors()).isEmpty();
    }

    private static String key(long index) {
        return TestStores.sampleKey(index);
    }

    @SuppressWarnings("unchecked")
    private static TableView<SessionRow> table(FxRobot robot) {
        return robot.lookup("#sessions-table").queryAs(TableView.class);
    }
}
