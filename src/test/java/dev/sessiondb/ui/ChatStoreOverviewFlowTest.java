package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.text;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The dashboard of a chat server's store, which has none of Minsky's repositories and statuses to chart. */
class ChatStoreOverviewFlowTest extends WindowOverFreshRun {

    @Start
    void start(Stage stage) {
        show(stage);
    }

    /**
     * Without the charts by repository and by status beside it, the chart of sessions per week kept half the width and its
     * title read "Sessions created per week (Mondays, UTC; at most t…"; it takes the dashboard's width, its title whole.
     */
    @Test
    void theChartPerWeekTakesTheWidthTheMinskyChartsLeave(FxRobot robot) {
        Path chat = WindowSteps.openChatStore(robot, dialogs, run, 6);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        waitFor(() -> text(robot, "#overview-status").equals("sqlite:" + chat));
        Label title = read(() -> robot.lookup(".chart-title").queryAllAs(Label.class).stream()
                .filter(label -> label.getText().startsWith("Sessions created per week")).findFirst().orElseThrow());

        waitFor(() -> title.isVisible() && ((Text) title.lookup(".text")).getText().equals(title.getText()));
    }
}
