package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.ui.common.BreakableText;
import dev.sessiondb.ui.detail.FieldNode;
import dev.sessiondb.ui.history.HistoryRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the window flow tests do as a user does it, each step waiting on the app's state, never on time. Each finds its
 * control on the FX thread: the window builds a wizard's pages ahead, a node a pulse, and a lookup from the test thread
 * can meet a parent's children changing under it.
 */
final class WindowSteps {

    private WindowSteps() {
    }

    /** Opens a copy of the real fixture as a user does, with Ctrl+O and the file chooser's answer, and waits for its sessions. */
    static void openFixtureCopy(FxRobot robot, ScriptedDialogService dialogs, Path copy) {
        open(robot, dialogs, copy, Fixtures.MINSKY_COUNT);
    }

    /** Opens a store file as a user does, with Ctrl+O and the file chooser's answer, and waits for its sessions. */
    static void open(FxRobot robot, ScriptedDialogService dialogs, Path file, long sessions) {
        dialogs.answer(file);
        robot.push(KeyCode.CONTROL, KeyCode.O);
        waitFor(() -> text(robot, "#session-count").equals(sessions + " sessions"));
    }

    /** Puts the text in the sessions' search field whole, as typing ends with it: the table reads the store anew for it. */
    static void search(FxRobot robot, String text) {
        robot.interact(() -> robot.lookup("#session-search").queryAs(TextField.class).setText(text));
    }

    /** Opens a chat server's SQLite store of {@code count} sample sessions ({@link TestStores#chatStore}) in {@code run}, as {@link #open} does. */
    static Path openChatStore(FxRobot robot, ScriptedDialogService dialogs, Path run, int count) {
        Path chat = TestStores.chatStore(run, LongStream.range(0, count).mapToObj(SampleSessions::chatRecord).toList());
        open(robot, dialogs, chat, count);
        return chat;
    }

    static void openFromJobsMenu(FxRobot robot, String item) {
        robot.clickOn(AppState.read(() -> robot.lookup("#jobs-menu").queryAs(Node.class)));
        waitFor(() -> robot.lookup(item).tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn(AppState.read(() -> robot.lookup(item).queryAs(Node.class)));
    }

    /** Plans a migration from the Migrate page as a user does, and goes on to its Run page once the plan is ready. */
    static void planMigration(FxRobot robot, String source, String target) {
        askForMigrationPlan(robot, source, target);
        waitFor(() -> text(robot, "#migrate-plan-headline").startsWith("Ready to run"));
        press(robot, "#migrate-next");
    }

    /** Plans a migration as {@link #planMigration} does and runs it to its end on the Run page. */
    static void runMigration(FxRobot robot, String source, String target) {
        planMigration(robot, source, target);
        press(robot, "#migrate-run");
        waitFor(() -> text(robot, "#migrate-run-status").startsWith("Done"));
    }

    /** Names the stores on the Migrate page as a user does and goes on to its Plan page, which plans (or says why it cannot). */
    static void askForMigrationPlan(FxRobot robot, String source, String target) {
        openFromJobsMenu(robot, "#jobs-menu-migrate");
        type(robot, "#migrate-source", source);
        type(robot, "#migrate-target", target);
        press(robot, "#migrate-next");
        press(robot, "#migrate-next");
    }

    /**
     * Consolidates the open store and {@code source} into {@code target} from the Jobs menu, as far as the Conflicts page;
     * its table, which lists the conflicts once they are found.
     */
    static TableView<?> consolidationConflicts(FxRobot robot, Path source, Path target) {
        toConsolidationTarget(robot, target.toString(), source.toString());
        press(robot, "#consolidate-next");
        waitFor(() -> robot.lookup("#consolidate-conflicts").tryQuery().isPresent());
        return AppState.read(() -> robot.lookup("#consolidate-conflicts").queryTableView());
    }

    /** Adds {@code sources} after the open store in the Consolidate wizard opened from the Jobs menu, and names {@code target} on its next page. */
    static void toConsolidationTarget(FxRobot robot, String target, String... sources) {
        openFromJobsMenu(robot, "Consolidate several stores into one…");
        for (String source : sources) {
            type(robot, "#consolidate-new-source", source);
            press(robot, "#consolidate-add");
        }
        press(robot, "#consolidate-next");
        type(robot, "#consolidate-target", target);
    }

    /** Validates {@code store} in the Validate wizard opened from the Jobs menu, and waits on its Findings page for the fixes offered. */
    static void validateInWizard(FxRobot robot, Path store) {
        openFromJobsMenu(robot, "Validate and repair a store…");
        type(robot, "#validate-store", store.toString());
        press(robot, "#validate-next");
        waitFor(() -> robot.lookup("#validate-fixes .check-box").tryQuery().isPresent());
    }

    /** From the Validate wizard's Findings page: previews the fixes ticked, applies them and waits for the report. */
    static void applyTickedFixes(FxRobot robot) {
        press(robot, "#validate-next");
        waitFor(() -> text(robot, "#validate-preview-status").contains("sessions to update"));
        press(robot, "#validate-next");
        press(robot, "#validate-run");
        waitFor(() -> text(robot, "#validate-result-headline").startsWith("Repaired"));
    }

    /**
     * Puts text in a store field the way the field's binding sees typing, without depending on
     * keystrokes arriving in time on a busy machine: waits for the field, sets it, waits to see it.
     */
    /**
     * Undoes the History's newest job, of {@code kind}, with its Undo button, confirmed, until {@code store} holds
     * {@code before} again; an undo that fails says so in an error, shown rather than a minute's timeout.
     */
    static void undoNewestFromHistory(FxRobot robot, ScriptedDialogService dialogs, String kind, Path store, byte[] before) {
        robot.push(KeyCode.CONTROL, KeyCode.H);
        TableView<HistoryRow> history = AppState.read(() -> robot.lookup("#history-table").queryTableView());
        waitFor(() -> !history.getItems().isEmpty() && history.getItems().get(0).kind().equals(kind));
        robot.interact(() -> history.getSelectionModel().select(0));
        dialogs.answer(true);
        // fired, not clicked: the History view may still be laying out its rows, and a click there can land beside the button
        waitFor(() -> !robot.lookup("#history-undo").query().isDisabled());
        robot.interact(() -> robot.lookup("#history-undo").queryButton().fire());
        waitFor(() -> Arrays.equals(Files.readAllBytes(store), before) || !dialogs.errors().isEmpty());
        assertThat(dialogs.errors()).as("the undo from History").isEmpty();
    }

    static void type(FxRobot robot, String picker, String text) {
        waitFor(() -> robot.lookup(picker).tryQuery().map(Node::isVisible).orElse(false));
        ComboBox<?> box = AppState.read(() -> robot.lookup(picker).queryAs(ComboBox.class));
        robot.interact(() -> box.getEditor().setText(text));
        // a password in a URL shows as its mask once typed
        waitFor(() -> SecretMasker.maskUrlPasswords(text).equals(SecretMasker.maskUrlPasswords(box.getEditor().getText())));
    }

    /** What a store field shows now (its password masked once the field has lost the focus). */
    static String fieldText(FxRobot robot, String picker) {
        return robot.lookup(picker).queryAs(ComboBox.class).getEditor().getText();
    }

    /** Clicks a control once it is shown and enabled: a page still being built or a busy wizard is waited for, not clicked past. */
    static void press(FxRobot robot, String id) {
        waitFor(() -> robot.lookup(id).tryQuery().map(node -> node.isVisible() && !node.isDisabled() && node.getScene() != null).orElse(false));
        robot.clickOn(AppState.read(() -> robot.lookup(id).queryAs(Node.class)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Clicks the first shown node the query finds, as {@code robot.clickOn(query)} does, once there is one; a query by
     * text (a menu's item) may also find a hidden node, which is passed over.
     */
    static void click(FxRobot robot, String query) {
        waitFor(() -> shownNode(robot, query).isPresent());
        robot.clickOn(AppState.read(() -> shownNode(robot, query).orElseThrow()));
    }

    private static Optional<Node> shownNode(FxRobot robot, String query) {
        return robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery();
    }

    /** Whether the session detail pane is in the window (it folds away in front of a view with no use for it). */
    static boolean detailShown(FxRobot robot) {
        return robot.lookup("#detail-view").tryQuery().map(node -> node.getScene() != null && node.getParent() != null).orElse(false);
    }

    /**
     * The Session cell of the sessions table's row at {@code index}, to click: the table reuses its row cells in any order (a
     * column shown with a search's rows rebuilds them), so the first row cell found need not be the first row.
     */
    static Node sessionCell(FxRobot robot, int index) {
        waitFor(() -> shownSessionCell(robot, index).isPresent());
        return AppState.read(() -> shownSessionCell(robot, index).orElseThrow());
    }

    private static Optional<Node> shownSessionCell(FxRobot robot, int index) {
        return robot.lookup("#sessions-table .table-cell").queryAll().stream()
                .filter(cell -> cell instanceof TableCell<?, ?> shown && shown.getIndex() == index && shown.getTableColumn() != null
                        && "column-session".equals(shown.getTableColumn().getId()) && shown.isVisible())
                .findFirst();
    }

    /** A label cut short reads "…" (its width below what its text needs), or runs out of the view it is in. */
    static boolean shownWhole(Labeled labeled, Node view) {
        return !labeled.getText().isEmpty() && labeled.getWidth() >= labeled.prefWidth(-1)
                && labeled.localToScene(labeled.getLayoutBounds()).getMaxX() <= view.localToScene(view.getLayoutBounds()).getMaxX();
    }

    /** The Validate findings tree's rows on screen that show a finding (not a check's group). */
    @SuppressWarnings("unchecked")
    static List<TreeCell<String>> shownFindings(FxRobot robot) {
        return robot.lookup("#validate-findings .tree-cell").queryAllAs(TreeCell.class).stream().map(cell -> (TreeCell<String>) cell)
                .filter(cell -> cell.isVisible() && cell.getTreeItem() != null && cell.getTreeItem().isLeaf() && cell.getItem() != null).toList();
    }

    /** The row a finding is shown in, laid out; none while it is scrolled out of the list. */
    static Optional<TreeCell<String>> findingRow(FxRobot robot, TreeItem<String> finding) {
        return shownFindings(robot).stream().filter(cell -> cell.getTreeItem() == finding && cell.getHeight() > 0).findFirst();
    }

    /** Whether a finding's row shows all of its text: a row is wrapped to its text's height a layout after it is first shown. */
    static boolean findingShownWhole(FxRobot robot, TreeItem<String> finding) {
        return findingRow(robot, finding).map(WindowSteps::shownText).filter(finding.getValue()::equals).isPresent();
    }

    /** What a row shows of its text: the whole text, or the text cut short with an ellipsis where it did not fit. */
    static String shownText(TreeCell<String> cell) {
        return cell.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).map(text -> asRead(((Text) text).getText())).findFirst().orElse("");
    }

    /**
     * What a button or label shows of its text, as the user reads it: the whole text, or the text cut short with an ellipsis
     * where it did not fit.
     */
    static String shownText(Labeled labeled) {
        return labeled.lookup(".text") instanceof Text text ? asRead(text.getText()) : "";
    }

    /** The lines a wrapped label's text is laid out in, as the user reads them: each character's line is where its shape starts. */
    static List<String> shownLines(Labeled labeled) {
        Text text = (Text) labeled.lookup(".text");
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double lineTop = Double.NaN;
        for (int i = 0; i < text.getText().length(); i++) {
            PathElement[] shape = text.rangeShape(i, i + 1);
            double top = shape.length > 0 && shape[0] instanceof MoveTo start ? start.getY() : lineTop;
            if (top > lineTop) {
                lines.add(asRead(line.toString()));
                line.setLength(0);
            }
            lineTop = Double.isNaN(top) ? lineTop : top;
            line.append(text.getText().charAt(i));
        }
        lines.add(asRead(line.toString()));
        return lines;
    }

    /** A wrapped cell's text without the breaks it is shown with ({@link BreakableText}), which take no room on screen. */
    private static String asRead(String shown) {
        return shown.replace(String.valueOf(BreakableText.BREAK), "");
    }

    /** The detail pane's cell of {@code column} ("Field" or "Value") in the row of {@code field}, laid out and in view. */
    @SuppressWarnings("unchecked")
    static Optional<TreeTableCell<FieldNode, String>> fieldCell(FxRobot robot, String column, String field) {
        return robot.lookup("#detail-fields .tree-table-cell").queryAll().stream().map(cell -> (TreeTableCell<FieldNode, String>) cell)
                .filter(cell -> cell.isVisible() && cell.getItem() != null && column.equals(cell.getTableColumn().getText())
                        && cell.getTableRow() != null && cell.getTableRow().getItem() != null && field.equals(cell.getTableRow().getItem().name()))
                .findFirst();
    }

    /** The cells under {@code header} in the table rows within {@code within} that show a text. */
    static List<TableCell<?, ?>> columnCells(Node within, String header) {
        return within.lookupAll(".table-cell").stream().filter(TableCell.class::isInstance).<TableCell<?, ?>>map(TableCell.class::cast)
                .filter(cell -> cell.getTableColumn() != null && header.equals(cell.getTableColumn().getText())
                        && cell.getText() != null && !cell.getText().isEmpty()).toList();
    }

    /** Whether there are {@code cells} and each shows its text uncut (a cut one ends in an ellipsis). */
    static boolean readWhole(List<? extends Labeled> cells) {
        return !cells.isEmpty() && cells.stream().allMatch(cell -> shownText(cell).equals(asRead(cell.getText())));
    }

    /** Whether the list {@code id} shows every one of its items, wrapped lines and all, with no vertical scroll bar to reach one. */
    static boolean showsEveryLine(FxRobot robot, String id) {
        return robot.lookup(id + " .scroll-bar").queryAllAs(ScrollBar.class).stream()
                .noneMatch(bar -> bar.getOrientation() == Orientation.VERTICAL && bar.isVisible());
    }

    /** A label's text as the user reads it: without the break marks a long path gets where it may wrap ({@link BreakableText}). */
    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText().replace(String.valueOf(BreakableText.BREAK), "");
    }
}
