package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.press;
import static dev.sessiondb.ui.WindowSteps.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
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
        waitFor(() -> robot.lookup("#main-views").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        type(robot, "#diff-store-a", a.toString());
        type(robot, "#diff-store-b", b.toString());
        press(robot, "#diff-compare");
        waitFor(() -> sessionCells(robot).size() == 2);

        assertThat(read(() -> sessionCells(robot))).allSatisfy(cell ->
                assertThat(((Text) cell.lookup(".text")).getText()).isEqualTo(cell.getItem()));
    }

    @Test
    void theDifferenceColumnSaysChangedWhole(FxRobot robot) throws IOException {
        Path a = store("a.json", "mt#456-some-title");
        Path b = Files.writeString(run.resolve("b.json"), Files.readString(a).replace("local/x", "local/y"));
        waitFor(() -> robot.lookup("#main-views").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        type(robot, "#diff-store-a", a.toString());
        type(robot, "#diff-store-b", b.toString());
        press(robot, "#diff-compare");
        waitFor(() -> cells(robot, 1).size() == 1);

        assertThat(read(() -> cells(robot, 1))).singleElement().satisfies(cell -> {
            assertThat(cell.getItem()).isEqualTo("Changed (in A and B)");
            assertThat(((Text) cell.lookup(".text")).getText()).isEqualTo(cell.getItem());
        });
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

    private Path store(String name, String session) throws IOException {
        return Files.writeString(run.resolve(name), "[{\"session\":\"" + session + "\",\"repoName\":\"local/x\",\"repoUrl\":\"/r\","
                + "\"createdAt\":\"2025-03-01T00:00:00Z\"}]");
    }
}
