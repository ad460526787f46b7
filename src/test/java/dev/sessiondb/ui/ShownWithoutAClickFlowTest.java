package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.press;
import static dev.sessiondb.ui.WindowSteps.text;
import static dev.sessiondb.ui.WindowSteps.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.ui.diff.DiffFixtures;
import dev.sessiondb.ui.diff.DiffRow;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The lead's audit of the Diff and Validate tabs: a result with nothing to choose between waited for a click before
 * anything showed beside it. What is shown at once now, on copies of the real fixture.
 */
class ShownWithoutAClickFlowTest extends WindowOverFreshRun {

    /** The window opens on a copy of the fixture, as it opens the last store used. */
    @Start
    void start(Stage stage) {
        settings().update(state -> state.withRecent("json:" + TestStores.fixtureCopy(run)));
        show(stage);
    }

    @Test
    void twoSessionsComparedAreSelectedWithBothRecordsShownAndEachStoresSessionNamed(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        type(robot, "#diff-store-a", DiffFixtures.storeA(run).toString());
        type(robot, "#diff-store-b", DiffFixtures.storeB(run).toString());
        robot.interact(() -> {
            robot.lookup("#diff-session-a").queryAs(TextField.class).setText("task#002");
            robot.lookup("#diff-session-b").queryAs(TextField.class).setText("#008");
        });
        press(robot, "#diff-compare");

        TableView<DiffRow> differences = read(() -> robot.lookup("#diff-table").queryTableView());
        waitFor(() -> differences.getSelectionModel().getSelectedItem() != null && !robot.lookup("#diff-records").queryTableView().getItems().isEmpty());
        assertThat(read(() -> differences.getSelectionModel().getSelectedItem()))
                .extracting(DiffRow::session, DiffRow::where).containsExactly("task#002 in A, task#008 in B", "Changed (in A and B)");
        assertThat(read(() -> text(robot, "#diff-record-title"))).startsWith("task#002 in A, task#008 in B: changed");
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void theFirstFindingComesSelectedWithItsSessionShownBeside(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V).release(KeyCode.V, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> !robot.lookup("#validate-store").queryAs(ComboBox.class).getEditor().getText().isBlank());
        press(robot, "#validate-next");

        TreeView<String> findings = read(() -> robot.lookup("#validate-findings").queryAs(TreeView.class));
        waitFor(() -> findings.getRoot().getChildren().size() == 5 && findings.getSelectionModel().getSelectedItem() != null);
        TreeItem<String> selected = read(() -> findings.getSelectionModel().getSelectedItem());
        assertThat(read(() -> findings.getRoot().getChildren().contains(selected.getParent()) && selected.getParent().getChildren().indexOf(selected) == 0))
                .as("the first finding of a check, not a check's row").isTrue();
        waitFor(() -> WindowSteps.findingShownWhole(robot, selected));
        String session = read(() -> selected.getValue().substring(0, selected.getValue().indexOf(": ")));
        waitFor(() -> text(robot, "#detail-title").contains(session));
        assertThat(read(() -> robot.lookup("#validate-clean").query().isVisible())).isFalse();
    }

    /** The detail pane shows the open store's sessions: beside another store's findings it showed a session of the same key, or none. */
    @Test
    void anotherStoresFindingsFoldTheDetailAwayAndSaySo(FxRobot robot) throws Exception {
        Path another = TestStores.fixtureCopy(Files.createDirectory(run.resolve("another")));
        waitFor(() -> WindowSteps.detailShown(robot));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V).release(KeyCode.V, KeyCode.SHIFT, KeyCode.CONTROL);
        type(robot, "#validate-store", another.toString());
        press(robot, "#validate-next");

        TreeView<String> findings = read(() -> robot.lookup("#validate-findings").queryAs(TreeView.class));
        waitFor(() -> findings.getSelectionModel().getSelectedItem() != null && !WindowSteps.detailShown(robot));
        assertThat(read(() -> robot.lookup("#validate-another-store").query().isVisible())).isTrue();
        assertThat(read(() -> text(robot, "#validate-another-store"))).contains("another").contains("not the open store");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitFor(() -> WindowSteps.detailShown(robot));
    }

    @Test
    void aStoreWithoutFindingsIsSaidCleanWhereTheFindingsWouldBe(FxRobot robot) throws Exception {
        Path clean = TestStores.withoutFindings(run);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V).release(KeyCode.V, KeyCode.SHIFT, KeyCode.CONTROL);
        type(robot, "#validate-store", clean.toString());
        press(robot, "#validate-next");

        waitFor(() -> robot.lookup("#validate-clean").query().isVisible());
        assertThat(read(() -> text(robot, "#validate-clean"))).startsWith("No findings: the store is clean.");
        assertThat(read(() -> WindowSteps.shownFindings(robot))).isEmpty();
        assertThat(dialogs.errors()).isEmpty();
    }
}
