package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.columnCells;
import static dev.sessiondb.ui.WindowSteps.press;
import static dev.sessiondb.ui.WindowSteps.readWhole;
import static dev.sessiondb.ui.WindowSteps.text;
import static dev.sessiondb.ui.WindowSteps.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.ui.diff.FieldRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Diff view's table of differences as a user reads it. */
class DiffTableFlowTest extends WindowOverFreshRun {

    @Start
    void start(Stage stage) {
        show(stage);
    }

    /** An audit: the Session column, 105 px wide, cut Minsky's keys short ("mt#456-some…"); a typical key shows whole. */
    @Test
    void theSessionColumnShowsTypicalMinskyKeysWhole(FxRobot robot) throws IOException {
        Path a = store("a.json", "mt#456-some-title");
        Path b = store("b.json", "task-md#123");
        compare(robot, a, b);
        waitFor(() -> sessionCells(robot).size() == 2);

        assertThat(read(() -> sessionCells(robot))).allSatisfy(cell ->
                assertThat(((Text) cell.lookup(".text")).getText()).isEqualTo(cell.getItem()));
    }

    @Test
    void theDifferenceColumnSaysChangedWhole(FxRobot robot) throws IOException {
        Path a = store("a.json", "mt#456-some-title");
        Path b = Files.writeString(run.resolve("b.json"), Files.readString(a).replace("local/x", "local/y"));
        compare(robot, a, b);
        waitFor(() -> cells(robot, 1).size() == 1);

        assertThat(read(() -> cells(robot, 1))).singleElement().satisfies(cell -> {
            assertThat(cell.getItem()).isEqualTo("Changed (in A and B)");
            assertThat(((Text) cell.lookup(".text")).getText()).isEqualTo(cell.getItem());
        });
    }

    /**
     * A user audit on the real fixture: two versions of a session whose creation time and workspace path differ at their ends
     * read alike side by side ("2025-05-16T22:16:3…", "/Users/edobry/.local/…" on both sides), the difference cut off. A value
     * wraps at its column's width, as the detail pane's do.
     */
    @Test
    void bothVersionsShowTheirValuesWhereTheyDiffer(FxRobot robot) throws IOException {
        String workspace = "/Users/edobry/.local/state/minsky/git/local-minsky/sessions/task#079";
        Path a = Files.writeString(run.resolve("a.json"), minskySession("2025-05-16T22:16:33.321Z", workspace));
        Path b = Files.writeString(run.resolve("b.json"), minskySession("2025-05-16T22:16:34.321Z", workspace + "-rework"));
        compare(robot, a, b);
        waitFor(() -> sessionCells(robot).size() == 1);
        robot.clickOn(read(() -> sessionCells(robot).get(0)));
        waitFor(() -> robot.lookup("#diff-record-title").queryAs(Label.class).getText().startsWith("task#079"));

        Node records = read(() -> robot.lookup("#diff-records").query());
        waitFor(() -> readWhole(columnCells(records, "A")) && readWhole(columnCells(records, "B")));
    }

    /**
     * Two chat sessions differing in their last message: both records opened on id, tenantId, traits… and the message that
     * changed was twenty rows down, out of sight, for the user to look for; the comparison opens with it in view.
     */
    @Test
    void aChangeDeepInAChatSessionIsInViewWhenItsRecordsOpen(FxRobot robot) throws IOException {
        SessionRecord answered = SampleSessions.chatRecord(2);
        ObjectNode reworded = answered.fields().deepCopy();
        ((ObjectNode) reworded.get("messages").get(2)).put("content", "a different answer");
        Path a = TestStores.chatStore(Files.createDirectories(run.resolve("a")), List.of(SampleSessions.chatRecord(1), answered));
        Path b = TestStores.chatStore(Files.createDirectories(run.resolve("b")), List.of(SampleSessions.chatRecord(1), SessionRecord.of(reworded)));
        compare(robot, a, b);
        waitFor(() -> sessionCells(robot).size() == 1);
        robot.clickOn(read(() -> sessionCells(robot).get(0)));
        waitFor(() -> robot.lookup("#diff-record-title").queryAs(Label.class).getText().startsWith("chat-000002"));

        waitFor(() -> rowsInView(robot).contains("messages[2].content CHANGED"));
    }

    /**
     * A Minsky store compared with a chat server's showed only its counts (1 only in A, 1 only in B), nothing telling a user who
     * picked the wrong store why; the summary says first that the two share no kind of session.
     */
    @Test
    void storesOfDifferentToolsSayFirstThatNoSessionCanBeTheSame(FxRobot robot) throws IOException {
        Path minsky = store("minsky.json", "task-md#123");
        Path chat = TestStores.chatStore(Files.createDirectories(run.resolve("chat")), List.of(SampleSessions.chatRecord(1)));
        compare(robot, minsky, chat);
        waitFor(() -> robot.lookup("#diff-kinds-apart").queryAs(Label.class).isVisible());

        assertThat(read(() -> text(robot, "#diff-kinds-apart"))).isEqualTo("A holds Minsky's sessions, B a chat server's: no session can be the same in both.");
        assertThat(read(() -> List.of(text(robot, "#diff-only-a"), text(robot, "#diff-only-b")))).containsExactly("1", "1");
    }

    @Test
    void storesOfOneToolSayNothingOfKinds(FxRobot robot) throws IOException {
        compare(robot, store("a.json", "mt#456-some-title"), store("b.json", "task-md#123"));
        waitFor(() -> "1".equals(text(robot, "#diff-only-a")));

        assertThat(read(() -> robot.lookup("#diff-kinds-apart").queryAs(Label.class).isVisible())).isFalse();
    }

    /**
     * A Minsky session compared with a chat server's (both session boxes filled) showed every field changed and nothing of why;
     * the summary now says first that they cannot be the same session, as it says of two such stores.
     */
    @Test
    void sessionsOfDifferentToolsSayFirstThatTheyCannotBeTheSame(FxRobot robot) throws IOException {
        Path minsky = store("minsky.json", "task-md#123");
        Path chat = TestStores.chatStore(Files.createDirectories(run.resolve("chat")), List.of(SampleSessions.chatRecord(1)));
        pickStores(robot, minsky, chat);
        robot.interact(() -> {
            robot.lookup("#diff-session-a").queryAs(TextField.class).setText("task-md#123");
            robot.lookup("#diff-session-b").queryAs(TextField.class).setText("chat-000001");
        });
        press(robot, "#diff-compare");
        waitFor(() -> robot.lookup("#diff-kinds-apart").queryAs(Label.class).isVisible());

        assertThat(read(() -> text(robot, "#diff-kinds-apart"))).isEqualTo("A is Minsky's session, B a chat server's: they cannot be the same session.");
        assertThat(read(() -> text(robot, "#diff-changed"))).isEqualTo("1");
    }

    /**
     * A user audit, by keyboard: Enter in the Diff view's fields did nothing, so after typing two stores the user tabbed through
     * both Browse buttons, the session fields and the ignore list to reach Compare. Enter in a field compares, as Enter in a
     * wizard's field presses Next.
     */
    @Test
    void enterInAFieldCompares(FxRobot robot) throws IOException {
        pickStores(robot, store("a.json", "mt#456-some-title"), store("b.json", "task-md#123"));
        waitFor(() -> robot.lookup("#diff-store-a").queryAs(ComboBox.class).getEditor().isFocused());
        robot.type(KeyCode.ENTER);
        waitFor(() -> "1".equals(text(robot, "#diff-only-a")));
        // the keyboard goes on to the differences found, as the sessions' search does: it stayed in the field, Tabs away
        waitFor(() -> robot.lookup("#diff-table").query().isFocused());

        TextField sessionA = read(() -> robot.lookup("#diff-session-a").queryAs(TextField.class));
        robot.interact(() -> {
            sessionA.setText("mt#456-some-title");
            robot.lookup("#diff-session-b").queryAs(TextField.class).setText("task-md#123");
            sessionA.requestFocus();
        });
        waitFor(sessionA::isFocused);
        robot.type(KeyCode.ENTER);
        waitFor(() -> text(robot, "#diff-record-title").startsWith("mt#456-some-title in A, task-md#123 in B"));
    }

    /** Compares two stores from the Diff view, brought to the front with Ctrl+D. */
    private static void compare(FxRobot robot, Path a, Path b) {
        pickStores(robot, a, b);
        press(robot, "#diff-compare");
    }

    /** Brings the Diff view to the front with Ctrl+D and puts the two stores in it. */
    private static void pickStores(FxRobot robot, Path a, Path b) {
        waitFor(() -> robot.lookup("#main-views").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        type(robot, "#diff-store-a", a.toString());
        type(robot, "#diff-store-b", b.toString());
    }

    /** The side-by-side table's rows a user sees without scrolling: path and state. */
    private static List<String> rowsInView(FxRobot robot) {
        TableView<?> table = robot.lookup("#diff-records").queryAs(TableView.class);
        Bounds view = table.localToScene(table.getLayoutBounds());
        return robot.lookup("#diff-records .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.isVisible() && row.getItem() instanceof FieldRow && view.contains(row.localToScene(row.getLayoutBounds()).getCenterX(),
                        row.localToScene(row.getLayoutBounds()).getCenterY()))
                .map(row -> ((FieldRow) row.getItem()).path() + " " + ((FieldRow) row.getItem()).state()).toList();
    }

    /** The Session column's cells that show a session, read on the FX thread. */
    @SuppressWarnings("rawtypes")
    private static List<TableCell> sessionCells(FxRobot robot) {
        return cells(robot, 0);
    }

    /** The cells of the table's column {@code index} that show a value, read on the FX thread. */
    @SuppressWarnings("rawtypes")
    private static List<TableCell> cells(FxRobot robot, int index) {
        TableView<?> table = robot.lookup("#diff-table").queryAs(TableView.class);
        return robot.lookup("#diff-table .table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> cell.getTableColumn() == table.getColumns().get(index) && cell.isVisible() && cell.getItem() != null)
                .map(TableCell.class::cast).toList();
    }

    private static String minskySession(String createdAt, String repoPath) {
        return "[{\"session\":\"task#079\",\"repoName\":\"local-minsky\",\"repoUrl\":\"/Users/edobry/Projects/minsky\","
                + "\"createdAt\":\"" + createdAt + "\",\"taskId\":\"#079\",\"repoPath\":\"" + repoPath + "\"}]";
    }

    private Path store(String name, String session) throws IOException {
        return Files.writeString(run.resolve(name), "[{\"session\":\"" + session + "\",\"repoName\":\"local/x\",\"repoUrl\":\"/r\","
                + "\"createdAt\":\"2025-03-01T00:00:00Z\"}]");
    }
}
