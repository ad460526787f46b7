package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.detail.FieldNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * An audit: on a 1024x700 screen the window opened at 1280x800, its title bar and sides off screen, and the Sessions
 * toolbar's Columns, Filter and Export read "...". A size remembered on a big monitor now opens fitted into the small
 * screen, and the toolbar keeps its labels.
 */
class SmallScreenFlowTest extends WindowOverFreshRun {

    /** A laptop's screen less its panel. */
    static final Rectangle2D USABLE = new Rectangle2D(0, 27, 1024, 673);

    private Stage stage;
    private Path fixture;

    /** The window last closed at 1920x1200 on a big monitor, its store open again. */
    @Start
    void start(Stage stage) {
        this.stage = stage;
        fixture = TestStores.fixtureCopy(run);
        StoreLocator store = StoreLocator.of(StoreFormat.JSON, fixture);
        settings().update(state -> state.withWindowSize(1920, 1200).withRecent(store.display()));
        TestWindows.showOnScreen(stage, run, dialogs, USABLE);
    }

    @Test
    void theWindowFitsTheScreenAndTheToolbarKeepsItsLabels(FxRobot robot) {
        waitFor(() -> !robot.lookup("#export-sessions").queryAs(Labeled.class).isDisabled());
        Rectangle2D window = read(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
        assertThat(USABLE.contains(window)).as("window %s inside %s", window, USABLE).isTrue();
        Node view = read(() -> robot.lookup("#main-views").query());
        for (String id : new String[] {"#table-columns", "#filter-sessions", "#export-sessions", "#session-count"}) {
            Labeled labeled = read(() -> robot.lookup(id).queryAs(Labeled.class));
            assertThat(read(() -> WindowSteps.shownWhole(labeled, view))).as("%s whole in %s wide a view beside a %s wide detail", id,
                    read(() -> view.getLayoutBounds().getWidth()), read(() -> robot.lookup("#detail-view").query().getLayoutBounds().getWidth())).isTrue();
        }
    }

    /** On the small screen too, beside the detail pane, a finding longer than two lines is shown whole in its row. */
    @Test
    void aLongFindingIsShownWholeOnTheSmallScreen(FxRobot robot) {
        waitFor(() -> !robot.lookup("#export-sessions").queryAs(Labeled.class).isDisabled());
        ValidateFindingsWholeFlowTest.theLongestFindingIsShownWhole(robot);
    }

    /**
     * Validate's findings list had about one row of height here: under it a line that never shrank repeated the selected
     * finding, which its row already showed whole. The list now has the room for several rows, the page scrolling if it must.
     */
    @Test
    void theFindingsListShowsSeveralRowsOnTheSmallScreen(FxRobot robot) {
        waitFor(() -> !robot.lookup("#export-sessions").queryAs(Labeled.class).isDisabled());
        WindowSteps.openFromJobsMenu(robot, "Validate and repair a store…");
        WindowSteps.press(robot, "#validate-next");
        TreeView<String> list = read(() -> robot.lookup("#validate-findings").queryAs(TreeView.class));
        // a row wraps to its text's height a layout after it is shown: the count waits for the rows in view to be whole
        waitFor(() -> list.getSelectionModel().getSelectedItem() != null
                && rowsInView(robot, list).stream().allMatch(row -> WindowSteps.shownText(row).equals(row.getItem())));

        assertThat(read(() -> rowsInView(robot, list).size())).as("rows of checks and findings in view in a list %s high",
                read(() -> list.getLayoutBounds().getHeight())).isGreaterThanOrEqualTo(4);
    }

    /** The detail pane's Edit, Export and Delete… read "…", "Ex…" and "Dele…" here: a user could not tell Delete from Export. */
    @Test
    void theDetailPaneButtonsShowTheirWholeText(FxRobot robot) {
        waitFor(() -> !robot.lookup("#export-sessions").queryAs(Labeled.class).isDisabled());
        robot.clickOn(WindowSteps.sessionCell(robot, 0));
        waitFor(() -> !WindowSteps.text(robot, "#detail-title").isEmpty());

        for (String id : new String[] {"#edit-session", "#export-session", "#delete-session"}) {
            Labeled button = read(() -> robot.lookup(id).queryAs(Labeled.class));
            waitFor(() -> button.isVisible() && button.getWidth() > 0);
            assertThat(read(() -> WindowSteps.shownText(button))).as("%s in a detail pane %s wide", id,
                    read(() -> robot.lookup("#detail-view").query().getLayoutBounds().getWidth())).isEqualTo(read(button::getText));
            assertThat(read(() -> WindowSteps.shownWhole(button, robot.lookup("#detail-view").query()))).as("%s inside the pane", id).isTrue();
        }
        assertThat(read(() -> robot.lookup("#delete-session").query().getStyleClass())).contains("danger");
    }

    /**
     * Validate's steps took 200 of the 590 px its tab has here, the page left 380 px and a finding wrapping to five lines.
     * The steps go across the top: the page gets the tab's width, the current step still marked.
     */
    @Test
    void theWizardsPageGetsTheTabsWidth(FxRobot robot) {
        waitFor(() -> !robot.lookup("#export-sessions").queryAs(Labeled.class).isDisabled());
        WindowSteps.openFromJobsMenu(robot, "Validate and repair a store…");
        Node page = read(() -> robot.lookup("#validate-page").query());
        // the steps move across the top a layout after the pane's width is known: wait for the page to have the room
        waitFor(() -> page.getLayoutBounds().getWidth() >= 520);

        Labeled current = read(() -> robot.lookup("#validate-step-1").queryAs(Labeled.class));
        assertThat(read(current::getStyleClass)).contains("accent", "text-bold");
        assertThat(read(() -> WindowSteps.shownText(current))).isEqualTo(read(current::getText));
    }

    /**
     * Beside the detail pane the tab row had 588 px for the 631 its titles need: Validate was cut at the row's edge behind
     * its overflow menu. Every view's title is now in view, whole.
     */
    @Test
    void everyTabsTitleIsInViewBesideTheDetailPane(FxRobot robot) {
        waitFor(() -> !robot.lookup("#export-sessions").queryAs(Labeled.class).isDisabled());
        robot.clickOn(WindowSteps.sessionCell(robot, 0));
        waitFor(() -> !WindowSteps.text(robot, "#detail-title").isEmpty() && WindowSteps.detailShown(robot));

        // the row takes its spacing a layout after its width is known: wait for it to settle, then look at every title
        waitFor(() -> titlesInView(robot).size() == read(() -> robot.lookup("#main-views").queryAs(TabPane.class).getTabs().size()));
        assertThat(read(() -> titlesInView(robot))).containsExactly("Sessions", "Overview", "History", "Diff", "Migrate", "Consolidate", "Validate");
    }

    /**
     * After a repair of the fixture the Apply page's list of the 58 sessions changed began below the report's counts and
     * eight lines, out of view here: the user had to scroll to find it. Its heading and first rows are now in view as the page opens.
     */
    @Test
    void theApplyPagesChangedSessionsAreInViewOnTheSmallScreen(FxRobot robot) {
        waitFor(() -> !robot.lookup("#export-sessions").queryAs(Labeled.class).isDisabled());
        WindowSteps.validateInWizard(robot, fixture);
        WindowSteps.applyTickedFixes(robot);
        ListView<?> changed = read(() -> robot.lookup("#validate-changed-sessions").queryListView());
        // the list's rows are made a layout after its sessions arrive
        waitFor(() -> changed.getItems().size() == 58 && !changed.lookupAll(".list-cell").isEmpty());

        Node heading = read(() -> robot.lookup("#validate-changed-heading").query());
        assertThat(read(() -> inViewOfThePage(heading))).as("the list's heading in view without scrolling").isTrue();
        assertThat(read(() -> changed.lookupAll(".list-cell").stream().filter(row -> ((ListCell<?>) row).getItem() != null && inViewOfThePage(row)).count()))
                .as("rows of the list in view without scrolling").isGreaterThanOrEqualTo(3);
    }

    /** Whether {@code node} is wholly inside the visible part of the wizard page it is on, the page scrolled to its top. */
    private static boolean inViewOfThePage(Node node) {
        Parent up = node.getParent();
        while (!(up instanceof ScrollPane)) {
            up = up.getParent();
        }
        ScrollPane page = (ScrollPane) up;
        Node viewport = page.lookup(".viewport");
        return page.getVvalue() == page.getVmin() && viewport.localToScene(viewport.getLayoutBounds()).contains(node.localToScene(node.getLayoutBounds()));
    }

    /** Consolidate's conflicts table had about one row of height here. It keeps four, the page scrolling if it must. */
    @Test
    void theConflictsTableShowsSeveralRowsOnTheSmallScreen(FxRobot robot) throws IOException {
        TableView<?> conflicts = conflictsOfSixChangedSessions(robot);
        // a row wraps its policy's words a layout after it is shown: the count waits for the rows to be whole
        waitFor(() -> !conflictRowsInView(conflicts).isEmpty() && WindowSteps.readWhole(policyCellsInView(conflicts)));

        assertThat(read(() -> conflictRowsInView(conflicts).size())).as("conflicts in view in a table %s high",
                read(() -> conflicts.getLayoutBounds().getHeight())).isGreaterThanOrEqualTo(4);
    }

    /**
     * The column "Unless you pick one" read "Keeps source 1's version (a tie: no version is ne…": what happens to a conflict
     * the user leaves to the policy was cut. The policy's words now wrap in the row and read whole.
     */
    @Test
    void whatThePolicyDoesWithEachConflictReadsWholeOnTheSmallScreen(FxRobot robot) throws IOException {
        TableView<?> conflicts = conflictsOfSixChangedSessions(robot);
        // a row wraps to its text's height a layout after it is shown: wait for that, never before the fix
        waitFor(() -> WindowSteps.readWhole(policyCellsInView(conflicts)));
        assertThat(read(() -> policyCellsInView(conflicts).stream().map(WindowSteps::shownText).toList()))
                .allSatisfy(shown -> assertThat(shown).startsWith("Keeps source 1's version").endsWith("the versions differ in branch"));
    }

    /** Consolidate's conflicts page over the fixture and a copy with six sessions on other branches, once its table lists them. */
    private TableView<?> conflictsOfSixChangedSessions(FxRobot robot) throws IOException {
        waitFor(() -> !robot.lookup("#export-sessions").queryAs(Labeled.class).isDisabled());
        Path changed = storeWithChangedBranches(6);
        TableView<?> conflicts = WindowSteps.consolidationConflicts(robot, changed, run.resolve("all.db"));
        waitFor(() -> conflicts.getItems().size() == 6
                && conflicts.lookupAll(".table-row-cell").stream().anyMatch(row -> ((TableRow<?>) row).getItem() != null));
        return conflicts;
    }

    /** The "Unless you pick one" cells of the conflicts wholly in view. */
    private static List<TableCell<?, ?>> policyCellsInView(TableView<?> table) {
        return conflictRowsInView(table).stream().flatMap(row -> WindowSteps.columnCells(row, "Unless you pick one").stream()).toList();
    }

    /**
     * The detail pane's values read "/Users/…" here. A value now wraps in its row and reads whole; a value longer than a few
     * lines is cut there (whole in its tooltip and Ctrl+C) rather than take the field list.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theDetailPanesValuesWrapOnTheSmallScreen(FxRobot robot) {
        waitFor(() -> !robot.lookup("#export-sessions").queryAs(Labeled.class).isDisabled());
        robot.clickOn(WindowSteps.sessionCell(robot, 2));
        waitFor(() -> WindowSteps.text(robot, "#detail-title").equals("#99"));
        // a value wraps to its height a layout after its column's width is known
        waitFor(() -> valueCell(robot, "repoUrl").map(cell -> WindowSteps.shownText(cell).equals(cell.getItem())).orElse(false));

        TreeTableView<FieldNode> fields = read(() -> robot.lookup("#detail-fields").queryAs(TreeTableView.class));
        // the longest value, the session's last field, is below the list's end here
        robot.interact(() -> fields.scrollTo(fields.getExpandedItemCount() - 1));
        waitFor(() -> valueCell(robot, "repoPath").isPresent());
        TreeTableCell<FieldNode, String> longest = read(() -> valueCell(robot, "repoPath").orElseThrow());
        assertThat(read(() -> WindowSteps.shownText(longest))).as("a value column %s wide", read(longest::getWidth)).isNotEqualTo(read(longest::getItem));
        assertThat(read(longest::getHeight)).as("a long value's row in a field list %s high", read(() -> fields.getLayoutBounds().getHeight()))
                .isLessThan(read(() -> fields.getLayoutBounds().getHeight()) / 2);
    }

    /**
     * The detail pane's Field column read "backend…" and "authM…" here. A field's name now wraps in its row as a value does,
     * and reads whole; the values keep their column.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theDetailPanesFieldNamesReadWholeOnTheSmallScreen(FxRobot robot) {
        waitFor(() -> !robot.lookup("#export-sessions").queryAs(Labeled.class).isDisabled());
        robot.clickOn(WindowSteps.sessionCell(robot, 2));
        waitFor(() -> WindowSteps.text(robot, "#detail-title").equals("#99") && WindowSteps.fieldCell(robot, "Field", "backendType").isPresent());

        // a name wraps to its height a layout after its column's width is known: wait for that, never before the fix
        waitFor(() -> WindowSteps.fieldCell(robot, "Field", "backendType").map(cell -> WindowSteps.shownText(cell).equals(cell.getItem())).orElse(false));
        TreeTableView<FieldNode> fields = read(() -> robot.lookup("#detail-fields").queryAs(TreeTableView.class));
        robot.interact(() -> fields.scrollTo(fields.getExpandedItemCount() - 1));
        waitFor(() -> WindowSteps.fieldCell(robot, "Field", "authMethod").map(cell -> WindowSteps.shownText(cell).equals(cell.getItem())).orElse(false));
        assertThat(read(() -> WindowSteps.fieldCell(robot, "Value", "repoPath").orElseThrow().getWidth())).as("the value column's width")
                .isGreaterThanOrEqualTo(read(() -> WindowSteps.fieldCell(robot, "Field", "repoPath").orElseThrow().getWidth()) * 0.6);
    }

    /** The titles of the window's tabs shown whole and left of the row's overflow menu, where it shows one. */
    private static List<String> titlesInView(FxRobot robot) {
        Node row = robot.lookup("#main-views .tab-header-area").query();
        double end = robot.lookup("#main-views .control-buttons-tab").tryQuery().filter(Node::isVisible)
                .map(menu -> menu.localToScene(menu.getLayoutBounds()).getMinX()).filter(start -> start > 0)
                .orElse(row.localToScene(row.getLayoutBounds()).getMaxX());
        return robot.lookup("#main-views .tab-label").queryAllAs(Labeled.class).stream()
                .filter(title -> title.isVisible() && WindowSteps.shownText(title).equals(title.getText())
                        && title.localToScene(title.getLayoutBounds()).getMaxX() <= end)
                .map(Labeled::getText).toList();
    }

    /** The table's rows that show a conflict wholly inside the table's rows area: those a user sees without scrolling it. */
    private static List<TableRow<?>> conflictRowsInView(TableView<?> table) {
        Node rowsArea = table.lookup(".virtual-flow");
        Bounds area = rowsArea.localToScene(rowsArea.getLayoutBounds());
        return table.lookupAll(".table-row-cell").stream().<TableRow<?>>map(row -> (TableRow<?>) row)
                .filter(row -> row.isVisible() && row.getItem() != null && area.contains(row.localToScene(row.getLayoutBounds()))).toList();
    }

    private static Optional<TreeTableCell<FieldNode, String>> valueCell(FxRobot robot, String field) {
        return WindowSteps.fieldCell(robot, "Value", field);
    }

    /** The fixture's sessions with the first {@code changed} on another branch: as many conflicts with the fixture. */
    private Path storeWithChangedBranches(int changed) throws IOException {
        List<SessionRecord> records = new ArrayList<>(Fixtures.minskyRecords());
        for (int i = 0; i < changed; i++) {
            records.set(i, records.get(i).with("branch", "feature/changed-" + i));
        }
        Path file = Files.createDirectories(run.resolve("changed")).resolve("session-db.json");
        TestStores.withRecords(file, records.iterator(), records.size()).close();
        return file;
    }

    /** The list's rows, of checks and of findings, wholly inside its bounds: those a user sees without scrolling it. */
    @SuppressWarnings("unchecked")
    private static List<TreeCell<String>> rowsInView(FxRobot robot, TreeView<String> list) {
        return robot.lookup("#validate-findings .tree-cell").queryAllAs(TreeCell.class).stream().map(row -> (TreeCell<String>) row)
                .filter(row -> row.isVisible() && row.getItem() != null)
                .filter(row -> list.localToScene(list.getLayoutBounds()).contains(row.localToScene(row.getLayoutBounds()))).toList();
    }
}
