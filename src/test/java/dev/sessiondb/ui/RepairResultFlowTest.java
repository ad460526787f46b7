package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.ui.history.HistoryRow;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** A repair's result in the window: History told the window's repair by the checks it ran but not what each fix changed. */
class RepairResultFlowTest extends WindowOverFreshRun {

    @Start
    void start(Stage stage) {
        // the app's journal, which records each run in the catalog that History reads
        show(stage, CatalogRecorder.journal(run.resolve("journal"), warning -> { }));
    }

    @Test
    void historyTellsTheWindowsRepairByTheRecordsEachFixChanged(FxRobot robot) {
        Path fixture = TestStores.fixtureCopy(run);
        WindowSteps.validateInWizard(robot, fixture);
        WindowSteps.applyTickedFixes(robot);

        robot.push(KeyCode.CONTROL, KeyCode.H);
        TableView<HistoryRow> history = read(() -> robot.lookup("#history-table").queryTableView());
        waitFor(() -> !history.getItems().isEmpty() && history.getItems().get(0).kind().equals("repair"));
        robot.interact(() -> history.getSelectionModel().select(0));
        TextArea story = read(() -> robot.lookup("#history-run-text").queryAs(TextArea.class));
        waitFor(() -> story.getText().startsWith("repair"));
        assertThat(story.getText()).contains("Counts: records to change 58, records to change by repo-name-variant 50, records to change by task-id-form 5,"
                + " records to change by task-id-missing 6, workspaces to register 0");
    }
}
