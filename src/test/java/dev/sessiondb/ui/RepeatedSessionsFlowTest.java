package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.press;
import static dev.sessiondb.ui.WindowSteps.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.ui.wizard.repeats.RepeatRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** A JSON file that does not open because sessions repeat in it: the window names the repeats and removes the identical ones, undoably. */
class RepeatedSessionsFlowTest extends WindowOverFreshRun {

    private static final String A = "{\"session\": \"a\", \"branch\": \"a\"}";
    private static final String B = "{\n    \"session\": \"b\",\n    \"branch\": \"b\"\n  }";
    private static final String B_EDITED = "{\n    \"session\": \"b\",\n    \"branch\": \"b-edited\"\n  }";
    private static final String C = "{\"session\": \"c\"}";

    private final List<String> warnings = new ArrayList<>();

    @Start
    void start(Stage stage) {
        show(stage, CatalogRecorder.journal(run.resolve("journal"), warnings::add));
    }

    @Test
    void identicalRepeatsAreRemovedAfterABackupThenTheFileOpensAndUndoFromTheHistoryPutsThemBack(FxRobot robot) throws Exception {
        Path file = file("[\n  " + A + ",\n  " + B + ",\n  " + A + ",\n  " + C + "\n]\n");
        byte[] before = Files.readAllBytes(file);

        assertThat(hasTab(robot, "repeats")).as("no Repeated sessions tab until a file needs it").isFalse();
        dialogs.answer(file);
        robot.push(KeyCode.CONTROL, KeyCode.O);

        waitFor(() -> hasTab(robot, "repeats"));
        assertThat(read(() -> tab(robot, "repeats").isClosable())).as("the user closes it when done").isTrue();
        TableView<RepeatRow> repeats = read(() -> robot.lookup("#repeats-table").queryTableView());
        waitFor(() -> repeats.getItems().size() == 1 && tab(robot, "repeats").isSelected());
        RepeatRow row = read(() -> repeats.getItems().get(0));
        assertThat(row.session()).isEqualTo("a");
        assertThat(row.first()).isEqualTo("record 1 (line 2, column 3)");
        assertThat(row.repeat()).isEqualTo("record 3 (line 7, column 3)");
        assertThat(row.outcome()).isEqualTo("Removed: the same as the first record");
        assertThat(read(() -> text(robot, "#repeats-file"))).isEqualTo(file.toString());
        assertThat(read(() -> text(robot, "#repeats-status"))).contains("cannot be opened: 1 record repeats the session of an earlier record.", "backed up first");
        assertThat(read(() -> text(robot, "#repeats-what-to-do"))).isEmpty();
        assertThat(dialogs.errors()).as("the repeats are shown, not an error").isEmpty();

        press(robot, "#repeats-run");

        waitFor(() -> "3 sessions".equals(text(robot, "#session-count")) && tab(robot, "sessions").isSelected());
        assertThat(Files.readString(file)).isEqualTo("[\n  " + A + ",\n  " + B + ",\n  " + C + "\n]\n");
        assertThat(read(() -> text(robot, "#repeats-result-headline"))).isEqualTo("Removed 1 identical repeat");
        assertThat(read(() -> text(robot, "#repeats-status"))).endsWith("No session repeats now: the file is open.");
        assertThat(read(() -> repeats.getItems())).isEmpty();

        WindowSteps.undoNewestFromHistory(robot, dialogs, "repair", file, before);
        // the file shown reads its repeats again: the window goes back to them, with the repair offered again
        waitFor(() -> text(robot, "#repeats-result-headline").startsWith("Undone: the repair of sessions.json")
                && tab(robot, "repeats").isSelected() && !robot.lookup("#repeats-run").query().isDisabled());
        assertThat(read(() -> repeats.getItems())).containsExactly(row);
        assertThat(dialogs.notifications()).anyMatch(note -> note.startsWith("Undone: repair of sessions.json"));
        assertThat(dialogs.errors()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aRepeatThatDiffersStaysWithWhatToEditAndIsReachedFromValidateToo(FxRobot robot) throws Exception {
        Path file = file("[\n  " + A + ",\n  " + B + ",\n  " + A + ",\n  " + B_EDITED + "\n]\n");
        WindowSteps.openFromJobsMenu(robot, "Validate and repair a store…");
        ComboBox<?> store = read(() -> robot.lookup("#validate-store").queryAs(ComboBox.class));
        robot.interact(() -> store.getEditor().setText(file.toString()));
        press(robot, "#validate-next");

        waitFor(() -> hasTab(robot, "repeats"));
        TableView<RepeatRow> repeats = read(() -> robot.lookup("#repeats-table").queryTableView());
        waitFor(() -> repeats.getItems().size() == 2 && tab(robot, "repeats").isSelected());
        RepeatRow differing = read(() -> repeats.getItems().get(1));
        assertThat(differing.outcome()).isEqualTo("Stays: differs in branch; keep record 2 or record 4 and delete the other in a text editor");
        assertThat(differing.repeat()).isEqualTo("record 4 (line 8, column 3)");
        assertThat(read(() -> text(robot, "#repeats-what-to-do"))).startsWith("1 repeat (marked Stays) differs from its session's first record")
                .endsWith("On a command line, sessiondb validate " + file + " lists them too.");

        press(robot, "#repeats-run");

        waitFor(() -> text(robot, "#repeats-result-headline").equals("Removed 1 identical repeat"));
        assertThat(Files.readString(file)).isEqualTo("[\n  " + A + ",\n  " + B + ",\n  " + B_EDITED + "\n]\n");
        assertThat(read(() -> text(robot, "#repeats-status"))).endsWith("The file still does not open: the repeats below differ from their sessions' first records.");
        assertThat(read(() -> repeats.getItems())).as("the repeat removed is no longer listed").containsExactly(differing);
        assertThat(read(() -> robot.lookup("#repeats-run").query().isDisabled())).as("nothing identical is left to remove").isTrue();
        assertThat(dialogs.errors()).isEmpty();
    }

    /**
     * A repeat that differs in many fields says which and what to edit in a sentence longer than its column: the cell wrapped
     * it but kept one line's height, so the fields and what to do were cut to "…". The row is now as tall as its lines.
     */
    @Test
    void whatToDoWithARepeatDifferingInManyFieldsReadsWhole(FxRobot robot) throws Exception {
        String first = "{\"session\": \"d\", \"branch\": \"d\", \"repoName\": \"acme/app\", \"repoUrl\": \"https://github.com/acme/app\","
                + " \"taskId\": \"#12\", \"status\": \"open\", \"createdAt\": \"2025-01-01T00:00:00Z\"}";
        String repeat = "{\"session\": \"d\", \"branch\": \"d-2\", \"repoName\": \"acme/web\", \"repoUrl\": \"https://github.com/acme/web\","
                + " \"taskId\": \"#13\", \"status\": \"closed\", \"createdAt\": \"2025-02-01T00:00:00Z\"}";
        Path file = file("[\n  " + first + ",\n  " + repeat + "\n]\n");
        dialogs.answer(file);
        robot.push(KeyCode.CONTROL, KeyCode.O);

        waitFor(() -> hasTab(robot, "repeats"));
        TableView<RepeatRow> repeats = read(() -> robot.lookup("#repeats-table").queryTableView());
        waitFor(() -> repeats.getItems().size() == 1 && tab(robot, "repeats").isSelected());
        String outcome = read(() -> repeats.getItems().get(0).outcome());
        assertThat(outcome).startsWith("Stays: differs in ").contains("repoUrl", "status").endsWith("delete the other in a text editor");

        // a row wraps to its text's height a layout after it shows: wait for that, never before the fix
        waitFor(() -> WindowSteps.columnCells(repeats, "What the repair does").stream().anyMatch(cell -> WindowSteps.shownText(cell).equals(outcome)));
    }

    private Path file(String text) throws Exception {
        Path file = run.resolve("sessions.json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static boolean hasTab(FxRobot robot, String view) {
        return read(() -> robot.lookup("#main-views").queryAs(TabPane.class).getTabs().stream()
                .anyMatch(tab -> tab.getId().equals("view-" + view)));
    }

    private static Tab tab(FxRobot robot, String view) {
        return robot.lookup("#main-views").queryAs(TabPane.class).getTabs().stream()
                .filter(tab -> tab.getId().equals("view-" + view)).findFirst().orElseThrow();
    }
}
