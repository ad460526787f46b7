package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.press;
import static dev.sessiondb.ui.WindowSteps.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.job.repair.RepairedSession;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.ui.history.HistoryRow;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A repair's result in the window: the Apply page counted the records changed but led to none of them, History told the
 * window's repair by the checks it ran but not what each fix changed, and no flow reached a preview that could not be made.
 */
class RepairResultFlowTest extends WindowOverFreshRun {

    @Start
    void start(Stage stage) {
        // the app's journal, which records each run in the catalog that History reads
        show(stage, CatalogRecorder.journal(run.resolve("journal"), warning -> { }));
    }

    @Test
    void theApplyPageListsTheSessionsTheRepairChangedAndShowsOneOrSaysItIsGone(FxRobot robot) throws Exception {
        Path fixture = TestStores.fixtureCopy(run);
        WindowSteps.openFixtureCopy(robot, dialogs, fixture);
        WindowSteps.validateInWizard(robot, fixture);
        WindowSteps.applyTickedFixes(robot);

        ListView<RepairedSession> changed = read(() -> robot.lookup("#validate-changed-sessions").queryListView());
        waitFor(() -> changed.getItems().size() == 58);
        assertThat(text(robot, "#validate-changed-heading")).startsWith("Sessions changed (58): ");
        String shown = text(robot, "#detail-title");
        RepairedSession toShow = read(() -> changed.getItems().stream().filter(each -> !each.session().equals(shown)).findFirst().orElseThrow());
        enterOn(robot, changed, toShow);
        waitFor(() -> text(robot, "#detail-title").equals(toShow.session()));

        RepairedSession gone = read(() -> changed.getItems().get(changed.getItems().size() - 1));
        removeSession(fixture, gone.session());
        enterOn(robot, changed, gone);
        waitFor(() -> text(robot, "#validate-changed-said").startsWith("Session " + gone.session() + " is no longer in session-db.json"));
        assertThat(text(robot, "#detail-title")).isEqualTo(toShow.session());
        assertThat(dialogs.errors()).isEmpty();
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

    /** A store moved away after its findings: the Preview page says why it is empty, naming the store, beside the error. */
    @Test
    void aStoreGoneBetweenFindingsAndPreviewSaysWhyNothingIsPreviewed(FxRobot robot) throws Exception {
        Path fixture = TestStores.fixtureCopy(run);
        WindowSteps.validateInWizard(robot, fixture);
        Files.move(fixture, run.resolve("moved-away.json"));

        press(robot, "#validate-next");

        waitFor(() -> text(robot, "#validate-preview-status").startsWith("Nothing to preview: "));
        assertThat(text(robot, "#validate-preview-status")).contains(fixture.toString());
        assertThat(dialogs.errors()).hasSize(1);
        assertThat(read(() -> robot.lookup("#validate-next").query().isDisabled())).as("Next, with nothing to apply").isTrue();
    }

    private static void enterOn(FxRobot robot, ListView<RepairedSession> list, RepairedSession session) {
        robot.interact(() -> {
            list.requestFocus();
            list.getSelectionModel().select(session);
        });
        waitFor(list::isFocused);
        robot.push(KeyCode.ENTER);
    }

    /** Another program deletes the session from the JSON store, as Minsky would. */
    private static void removeSession(Path store, String key) throws Exception {
        ArrayNode records = (ArrayNode) JsonCodec.MAPPER.readTree(store.toFile());
        for (int i = records.size() - 1; i >= 0; i--) {
            if (key.equals(records.get(i).path("session").asText())) {
                records.remove(i);
            }
        }
        Files.writeString(store, JsonCodec.pretty(records));
    }
}
