package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A finding longer than two lines (a repeated session's key and what to keep, a secret's field and what to do) ended in "…" in
 * the Validate wizard's findings, beside the open store's detail pane, and nothing showed the rest. Each row now grows to its text.
 */
class ValidateFindingsWholeFlowTest extends WindowOverFreshRun {

    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void aFindingLongerThanTwoLinesIsShownWholeWithItsFix(FxRobot robot) {
        WindowSteps.openFixtureCopy(robot, dialogs, TestStores.fixtureCopy(run));
        theLongestFindingIsShownWhole(robot);
    }

    /** Validates the open store and selects its longest finding: its row shows all of it, its fix too. */
    static void theLongestFindingIsShownWhole(FxRobot robot) {
        WindowSteps.openFromJobsMenu(robot, "Validate and repair a store…");
        WindowSteps.press(robot, "#validate-next");
        TreeView<String> tree = read(() -> robot.lookup("#validate-findings").queryAs(TreeView.class));
        waitFor(() -> !tree.getRoot().getChildren().isEmpty());
        TreeItem<String> longest = read(() -> tree.getRoot().getChildren().stream().flatMap(group -> group.getChildren().stream())
                .max(Comparator.comparingInt(finding -> finding.getValue().length())).orElseThrow());
        robot.interact(() -> {
            longest.getParent().setExpanded(true);
            tree.getSelectionModel().select(longest);
            tree.scrollTo(tree.getRow(longest));
        });
        waitFor(() -> WindowSteps.findingShownWhole(robot, longest));

        TreeCell<String> row = read(() -> WindowSteps.findingRow(robot, longest).orElseThrow());
        assertThat(read(() -> linesOf(row))).as("a finding longer than two lines").isGreaterThan(2);
        assertThat(read(() -> WindowSteps.shownText(row))).as("the finding's row").isEqualTo(longest.getValue()).contains("→");
        assertThat(read(() -> WindowSteps.shownFindings(robot).stream().map(WindowSteps::shownText).filter(shown -> shown.endsWith("…")).toList()))
                .as("findings cut short").isEmpty();
    }

    /** How many lines the row's whole text needs at the width the row wraps it at. */
    private static long linesOf(TreeCell<String> row) {
        Text shown = row.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).map(Text.class::cast).findFirst().orElseThrow();
        Text whole = new Text(row.getItem());
        whole.setFont(shown.getFont());
        whole.setWrappingWidth(shown.getWrappingWidth());
        Text oneLine = new Text("X");
        oneLine.setFont(shown.getFont());
        return Math.round(whole.getLayoutBounds().getHeight() / oneLine.getLayoutBounds().getHeight());
    }
}
