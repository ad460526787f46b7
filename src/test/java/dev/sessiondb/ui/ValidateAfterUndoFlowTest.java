package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.press;
import static dev.sessiondb.ui.WindowSteps.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.backup.BackupJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The audit: after Apply fixes, Validate again and an Undo, the Findings page still listed the repaired store's findings,
 * and the report after Apply counted fewer findings needing a person than the preview had. The page validates the
 * restored store again, and preview and report give one count.
 */
class ValidateAfterUndoFlowTest extends WindowOverFreshRun {

    @Start
    void start(Stage stage) {
        show(stage, new BackupJournal(run.resolve("journal")));
    }

    @Test
    void afterAnUndoTheFindingsAreThoseOfTheRestoredStoreAndTheReportCountedWhatThePreviewDid(FxRobot robot) throws Exception {
        Path fixture = TestStores.fixtureCopy(run);
        byte[] original = Files.readAllBytes(fixture);
        WindowSteps.validateInWizard(robot, fixture);
        TreeView<String> findings = read(() -> robot.lookup("#validate-findings").queryAs(TreeView.class));
        waitFor(() -> groups(findings).size() == 5 && robot.lookup("#fix-repo-name-variant").tryQuery().isPresent());
        press(robot, "#validate-next");
        waitFor(() -> text(robot, "#validate-preview-status").contains("; 162 findings need a person"));
        press(robot, "#validate-next");
        press(robot, "#validate-run");
        waitFor(() -> text(robot, "#validate-result-headline").startsWith("Repaired"));
        assertThat(countShown(robot, "findings needing a person")).as("the preview's count").isEqualTo("162");

        press(robot, "#validate-again");
        waitFor(() -> groups(findings).size() == 2);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);

        waitFor(() -> Arrays.equals(Files.readAllBytes(fixture), original) && groups(findings).size() == 5);
        assertThat(groups(findings)).anyMatch(group -> group.startsWith("Repository name spelled differently (repo-name-variant)"));
        waitFor(() -> text(robot, "#validate-status").equals("The repair was undone; validated again: 223 findings in 5 checks. Tick the fixes to make."));
        assertThat(dialogs.errors()).isEmpty();
    }

    /**
     * A fix's check box with the keyboard lost it to nothing when an undo made the Findings page validate again (the boxes
     * are made anew for the new findings): Space or Tab then did nothing. The findings list takes the keyboard.
     */
    @Test
    void aFocusedFixGoneWithItsFindingsLeavesTheKeyboardOnTheFindings(FxRobot robot) throws Exception {
        Path fixture = TestStores.fixtureCopy(run);
        WindowSteps.validateInWizard(robot, fixture);
        TreeView<String> findings = read(() -> robot.lookup("#validate-findings").queryAs(TreeView.class));
        waitFor(() -> groups(findings).size() == 5 && robot.lookup("#fix-repo-name-variant").tryQuery().isPresent());
        press(robot, "#fix-repo-name-variant"); // left unfixed, so it is still found after the repair
        WindowSteps.applyTickedFixes(robot);
        press(robot, "#validate-again");
        waitFor(() -> groups(findings).size() < 5 && robot.lookup("#fix-repo-name-variant").tryQuery().isPresent());
        Node fix = read(() -> robot.lookup("#fix-repo-name-variant").query());
        robot.interact(fix::requestFocus);
        waitFor(fix::isFocused);

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);

        waitFor(() -> groups(findings).size() == 5 && text(robot, "#validate-status").startsWith("The repair was undone"));
        assertThat(read(() -> findings.getScene().getFocusOwner())).isSameAs(findings);
    }

    private static List<String> groups(TreeView<String> findings) {
        return read(() -> findings.getRoot().getChildren().stream().map(TreeItem::getValue).toList());
    }

    /** The value the report's counts show beside {@code name}. */
    private static String countShown(FxRobot robot, String name) {
        return read(() -> {
            List<Node> cells = robot.lookup("#validate-result-counts").queryAs(GridPane.class).getChildren();
            for (int i = 0; i + 1 < cells.size(); i++) {
                if (cells.get(i) instanceof Label label && label.getText().equals(name)) {
                    return ((Label) cells.get(i + 1)).getText();
                }
            }
            return "";
        });
    }
}
