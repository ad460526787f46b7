package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.detail.FieldNode;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeTableCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * On the small screen the detail pane wrapped a word without spaces wherever its line ended: "backendTy / pe", a path
 * mid-segment ("/Users/edobry/Proj / ects/minsky"). A long word now breaks where a reader expects it to, after a path's
 * slash or between camelCase's words, and what is copied is the value as it is.
 */
class LongWordsBreakFlowTest extends WindowOverFreshRun {

    @Start
    void start(Stage stage) {
        settings().update(state -> state.withRecent(StoreLocator.of(StoreFormat.JSON, TestStores.fixtureCopy(run)).display()));
        TestWindows.showOnScreen(stage, run, dialogs, SmallScreenFlowTest.USABLE);
    }

    @Test
    void aCamelCaseNameAndAPathBreakWhereAReaderExpects(FxRobot robot) {
        waitFor(() -> !robot.lookup("#export-sessions").queryAs(Labeled.class).isDisabled());
        robot.clickOn(WindowSteps.sessionCell(robot, 2));
        waitFor(() -> WindowSteps.text(robot, "#detail-title").equals("#99"));
        // a text wraps a layout after its column's width is known: wait for the name and the path to be whole
        waitFor(() -> readWhole(robot, "Field", "backendType") && readWhole(robot, "Value", "repoUrl"));

        assertThat(read(() -> lines(robot, "Field", "backendType"))).containsExactly("backend", "Type");
        List<String> path = read(() -> lines(robot, "Value", "repoUrl"));
        assertThat(path).as("/Users/edobry/Projects/minsky in a value column %s wide",
                read(() -> WindowSteps.fieldCell(robot, "Value", "repoUrl").orElseThrow().getWidth())).hasSizeGreaterThan(1);
        assertThat(path.subList(0, path.size() - 1)).allSatisfy(line -> assertThat(line).endsWith("/"));
        assertThat(String.join("", path)).isEqualTo("/Users/edobry/Projects/minsky");
    }

    @Test
    void whatIsCopiedIsTheValueAsItIs(FxRobot robot) {
        waitFor(() -> !robot.lookup("#export-sessions").queryAs(Labeled.class).isDisabled());
        robot.clickOn(WindowSteps.sessionCell(robot, 2));
        waitFor(() -> WindowSteps.text(robot, "#detail-title").equals("#99") && WindowSteps.fieldCell(robot, "Value", "repoUrl").isPresent());
        robot.clickOn(read(() -> WindowSteps.fieldCell(robot, "Value", "repoUrl").orElseThrow()));
        robot.push(KeyCode.CONTROL, KeyCode.C);

        waitFor(() -> "/Users/edobry/Projects/minsky".equals(Clipboard.getSystemClipboard().getString()));
        assertThat(read(() -> WindowSteps.fieldCell(robot, "Value", "repoUrl").orElseThrow().getAccessibleText())).isEqualTo("/Users/edobry/Projects/minsky");
    }

    private static boolean readWhole(FxRobot robot, String column, String field) {
        return WindowSteps.fieldCell(robot, column, field).map(cell -> WindowSteps.shownText(cell).equals(cell.getItem())).orElse(false);
    }

    private static List<String> lines(FxRobot robot, String column, String field) {
        TreeTableCell<FieldNode, String> cell = WindowSteps.fieldCell(robot, column, field).orElseThrow();
        return WindowSteps.shownLines(cell);
    }
}
