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
        Path fixture = openedFixtureRepaired(robot);

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

        selectNewestRepairInHistory(robot);
        TextArea story = read(() -> robot.lookup("#history-run-text").queryAs(TextArea.class));
        waitFor(() -> story.getText().startsWith("repair"));
        assertThat(story.getText()).contains("Counts: sessions to change 58, sessions to change by repo-name-variant 50, sessions to change by task-id-form 5,"
                + " sessions to change by task-id-missing 6, workspaces to register 0");
    }

    /** History lists a past repair's sessions from its saved report, and shows one in the session pane when its store is open. */
    @Test
    void historyListsTheSessionsTheSelectedRepairChangedAndShowsOneOrSaysItIsGone(FxRobot robot) throws Exception {
        Path fixture = openedFixtureRepaired(robot);

        ListView<RepairedSession> changed = selectNewestRepairInHistory(robot);
        waitFor(() -> changed.getItems().size() == 58);
        assertThat(text(robot, "#history-changed-heading")).startsWith("Sessions changed (58): ");
        RepairedSession toShow = read(() -> changed.getItems().get(1));
        enterOn(robot, changed, toShow);
        // History is wide: the session shows in the Sessions view's detail pane, brought forward
        waitFor(() -> WindowSteps.detailShown(robot) && text(robot, "#detail-title").equals(toShow.session()));

        RepairedSession gone = read(() -> changed.getItems().get(changed.getItems().size() - 1));
        removeSession(fixture, gone.session());
        ListView<RepairedSession> again = selectNewestRepairInHistory(robot);
        waitFor(() -> again.getItems().size() == 58);
        enterOn(robot, again, gone);
        waitFor(() -> text(robot, "#history-changed-said").startsWith("Session " + gone.session() + " is no longer in session-db.json"));
        assertThat(dialogs.errors()).isEmpty();
    }

    /** A repair of a store not open says to open it; once undone it says its changes were undone; its report gone, it says so. */
    @Test
    void historySaysARepairsSessionsAreInAnotherStoreUndoneOrTheirReportMissing(FxRobot robot) throws Exception {
        Path fixture = TestStores.fixtureCopy(run);
        byte[] before = Files.readAllBytes(fixture);
        WindowSteps.validateInWizard(robot, fixture);
        WindowSteps.applyTickedFixes(robot);

        ListView<RepairedSession> changed = selectNewestRepairInHistory(robot);
        waitFor(() -> changed.getItems().size() == 58);
        RepairedSession first = read(() -> changed.getItems().get(0));
        enterOn(robot, changed, first);
        waitFor(() -> text(robot, "#history-changed-said").equals("Session " + first.session()
                + " is in session-db.json, not the open store: open it to see the session here."));

        WindowSteps.undoNewestFromHistory(robot, dialogs, "repair", fixture, before);
        TableView<HistoryRow> history = read(() -> robot.lookup("#history-table").queryTableView());
        robot.interact(() -> history.getSelectionModel().select(history.getItems().stream().filter(row -> row.kind().equals("repair")).findFirst().orElseThrow()));
        waitFor(() -> text(robot, "#history-changed-heading").startsWith("Sessions changed (58), their changes undone at "));

        Path report = Path.of(read(() -> history.getSelectionModel().getSelectedItem().job().reportPath().orElseThrow()));
        Files.delete(report);
        robot.interact(() -> history.getSelectionModel().clearSelection());
        robot.interact(() -> history.getSelectionModel().select(history.getItems().stream().filter(row -> row.kind().equals("repair")).findFirst().orElseThrow()));
        waitFor(() -> text(robot, "#history-changed-said").equals("The sessions this repair changed cannot be listed: its report " + report
                + " is missing (moved, deleted or pruned)."));
        assertThat(read(() -> changed.isVisible())).as("the list, with nothing to list").isFalse();
    }

    /** A copy of the fixture, opened and repaired with the fixes the Validate wizard ticks. */
    private Path openedFixtureRepaired(FxRobot robot) {
        Path fixture = TestStores.fixtureCopy(run);
        WindowSteps.openFixtureCopy(robot, dialogs, fixture);
        WindowSteps.validateInWizard(robot, fixture);
        WindowSteps.applyTickedFixes(robot);
        return fixture;
    }

    /** Opens History on the newest repair, selected, and gives its list of changed sessions. */
    private static ListView<RepairedSession> selectNewestRepairInHistory(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.H);
        TableView<HistoryRow> history = read(() -> robot.lookup("#history-table").queryTableView());
        waitFor(() -> !history.getItems().isEmpty() && history.getItems().get(0).kind().equals("repair"));
        robot.interact(() -> history.getSelectionModel().select(0));
        return read(() -> robot.lookup("#history-changed-sessions").queryListView());
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
