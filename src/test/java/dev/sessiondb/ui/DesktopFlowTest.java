package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.click;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.sessions.SessionRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The desktop app end to end on a copy of the real fixture, driven like a user would (headless under Monocle). */
class DesktopFlowTest extends WindowOverFreshRun {

    private final Path fixture = TestStores.fixtureCopy(run);

    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void aFirstStartShowsHowToBegin(FxRobot robot) {
        assertThat(read(() -> labelTexts(robot))).contains("No stores yet: open one, or discover.");
    }

    @Test
    void openSearchAndSeeTheCountChange(FxRobot robot) {
        openFixture(robot);

        robot.push(KeyCode.CONTROL, KeyCode.F);
        search(robot, "task#1");

        // 45 named task#1…, and #142 and task122-… (its task id #122): task#1 finds what #1 finds
        waitFor(() -> countText(robot).equals("47 of 217 sessions"));
        assertThat(read(() -> table(robot).getItems().size())).isEqualTo(47);
    }

    @Test
    void theOverviewCountsTheStoreAndListsWhatToCheck(FxRobot robot) {
        openFixture(robot);

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        waitFor(() -> robot.lookup("#run-checks").tryQuery().map(Node::isVisible).orElse(false));
        click(robot, "#run-checks");

        waitFor(() -> robot.lookup("#overview-findings-status").queryAs(Label.class).getText().startsWith("Top findings"));
        assertThat(read(() -> labelTexts(robot))).contains("217", "93", "Without task id");
    }

    @Test
    void deletingAsksFirstAndCtrlZBringsTheSessionBack(FxRobot robot) {
        openFixture(robot);
        robot.clickOn(WindowSteps.sessionCell(robot, 0));
        waitFor(() -> !robot.lookup("#detail-title").queryAs(Label.class).getText().isEmpty());
        String key = read(() -> robot.lookup("#detail-title").queryAs(Label.class).getText());
        dialogs.answer(true);

        click(robot, "#delete-session");

        waitFor(() -> countText(robot).equals("216 sessions"));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitFor(() -> countText(robot).equals("217 sessions"));
        assertThat(read(() -> table(robot).getItems().get(0).record().key())).isEqualTo(key);
    }

    @Test
    void openADetailEditSaveAndUndo(FxRobot robot) {
        openFixture(robot);
        search(robot, "task#002");
        // it, and test-session-2 (task id #002) after it
        waitFor(() -> countText(robot).equals("2 of 217 sessions"));

        robot.clickOn(WindowSteps.sessionCell(robot, 0));
        waitFor(() -> robot.lookup("#detail-title").queryAs(Label.class).getText().equals("task#002"));
        click(robot, "#edit-session");
        waitFor(() -> robot.lookup("#edit-branch").tryQuery().isPresent());
        TextField branch = read(() -> robot.lookup("#edit-branch").queryAs(TextField.class));
        robot.interact(() -> branch.setText("edited-in-the-app"));
        waitFor(() -> branch.getText().equals("edited-in-the-app"));
        click(robot, "#save-session");

        waitFor(() -> storedBranch().equals("edited-in-the-app"));
        waitFor(() -> firstRowBranch(robot).equals("edited-in-the-app"));

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitFor(() -> storedBranch().equals("task#002"));
    }

    @Test
    void exportTheCurrentViewToCsv(FxRobot robot) throws Exception {
        openFixture(robot);
        Path csv = directory.resolve("export-" + System.nanoTime() + ".csv");
        dialogs.answer(csv);

        click(robot, "#export-sessions");
        waitFor(() -> robot.lookup("CSV (table columns)…").tryQuery().map(Node::isVisible).orElse(false));
        click(robot, "CSV (table columns)…");

        waitFor(() -> Files.exists(csv));
        assertThat(Files.readAllLines(csv)).hasSize(218).first().asString().startsWith("Session,Task,Repo");
    }

    private void openFixture(FxRobot robot) {
        WindowSteps.openFixtureCopy(robot, dialogs, fixture);
    }

    private String storedBranch() {
        try (SessionStore store = StoreFactory.open(StoreLocator.of(StoreFormat.JSON, fixture), OpenMode.EXISTING)) {
            return store.get("task#002").flatMap(SessionRecord::branch).orElse("");
        }
    }

    private static String firstRowBranch(FxRobot robot) {
        SessionRow row = table(robot).getItems().get(0);
        return row.isLoaded() ? row.record().branch().orElse("") : "";
    }

    @SuppressWarnings("unchecked")
    private static TableView<SessionRow> table(FxRobot robot) {
        return robot.lookup("#sessions-table").queryAs(TableView.class);
    }

    /** Sets the search text as typing would, without depending on keystrokes arriving in time on a busy machine. */
    private static void search(FxRobot robot, String text) {
        TextField field = read(() -> robot.lookup("#session-search").queryAs(TextField.class));
        robot.interact(() -> field.setText(text));
        waitFor(() -> field.getText().equals(text));
    }

    private static List<String> labelTexts(FxRobot robot) {
        return robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static String countText(FxRobot robot) {
        return robot.lookup("#session-count").queryAs(Label.class).getText();
    }
}
