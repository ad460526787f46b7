package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.applyTickedFixes;
import static dev.sessiondb.ui.WindowSteps.runMigration;
import static dev.sessiondb.ui.WindowSteps.findingRow;
import static dev.sessiondb.ui.WindowSteps.validateInWizard;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.ui.common.BreakableText;
import dev.sessiondb.ui.wizard.WhereUndoIs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** What the job pages say, read by someone who does not use the command line: long words, and where Undo is. */
class JobWordsFlowTest extends WindowOverFreshRun {

    @Start
    void start(Stage stage) {
        show(stage);
    }

    /**
     * A report's line naming a backup's path broke mid-word at the list's edge: it breaks after a slash now, where a reader
     * expects, and the line the list holds (what a copy takes) is the path as it is.
     */
    @Test
    void aReportsLinesBreakWhereAReaderExpectsAndHoldTheirTextAsItIs(FxRobot robot) throws IOException {
        Path folder = Files.createDirectories(run.resolve("a-scratch-folder-with-a-rather-long-name").resolve("migrated-sessions-of-minsky"));
        runMigration(robot, TestStores.fixtureCopy(run).toString(), folder.resolve("sessions.db").toString());
        waitFor(() -> !lineCells(robot).isEmpty());

        List<ListCell<?>> cells = read(() -> lineCells(robot));

        assertThat(cells).allSatisfy(cell -> assertThat(read(() -> ((Text) cell.getGraphic()).getText()))
                .isEqualTo(BreakableText.shown(String.valueOf(cell.getItem()))));
        assertThat(cells).anySatisfy(cell -> assertThat(String.valueOf(cell.getItem())).contains(run.toString())
                .doesNotContain(String.valueOf(BreakableText.BREAK)));
    }

    /** A finding naming a repository or a path broke mid-word: it breaks after / . _ - and the finding stays as it is. */
    @Test
    void findingsBreakWhereAReaderExpects(FxRobot robot) {
        validateInWizard(robot, TestStores.fixtureCopy(run));
        TreeItem<String> finding = read(() -> showFindingWith(robot, "-"));
        waitFor(() -> findingRow(robot, finding).isPresent());

        TreeCell<String> row = read(() -> findingRow(robot, finding).orElseThrow());
        assertThat(read(row::getText)).isEqualTo(BreakableText.shown(finding.getValue())).contains(String.valueOf(BreakableText.BREAK));
        assertThat(read(row::getAccessibleText)).isEqualTo(finding.getValue());
    }

    /** Scrolls the findings to the first that holds {@code separator}, its group opened, and selects it. */
    @SuppressWarnings("unchecked")
    private static TreeItem<String> showFindingWith(FxRobot robot, String separator) {
        TreeView<String> tree = robot.lookup("#validate-findings").queryAs(TreeView.class);
        TreeItem<String> finding = tree.getRoot().getChildren().stream().flatMap(group -> group.getChildren().stream())
                .filter(item -> item.getValue().contains(separator)).findFirst().orElseThrow();
        finding.getParent().setExpanded(true);
        tree.getSelectionModel().select(finding);
        tree.scrollTo(tree.getRow(finding));
        return finding;
    }

    /** The Apply page said "Undo (Ctrl+Z) restores the backup", and a first-time user did not know where that Undo was. */
    @Test
    void theApplyPageSaysWhereUndoIs(FxRobot robot) {
        validateInWizard(robot, TestStores.fixtureCopy(run));
        applyTickedFixes(robot);

        assertThat(read(() -> robot.lookup((Label label) -> label.isVisible() && label.getText() != null
                && label.getText().contains("to put it back: " + WhereUndoIs.PHRASE)).tryQuery())).isPresent();
    }

    private static List<ListCell<?>> lineCells(FxRobot robot) {
        return robot.lookup("#migrate-report-lines .list-cell").queryAllAs(ListCell.class).stream().<ListCell<?>>map(cell -> cell)
                .filter(cell -> cell.getItem() != null && cell.getGraphic() instanceof Text).toList();
    }
}
