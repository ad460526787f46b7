package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.click;
import static dev.sessiondb.ui.WindowSteps.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.sessions.SessionRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The sessions table as the desktop's second pass left it (issue 11): the sort cycle, the column
 * headers' menus, the Columns menu, sideways scrolling, any field as a column, filters picked
 * from the store's values, and a search of several words. Each on a copy of the real fixture,
 * every step waiting on the app's state.
 */
class SessionsTableFlowTest extends WindowOverFreshRun {

    private final Path fixture = TestStores.fixtureCopy(run);

    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void aHeaderClickSortsAscendingThenDescendingThenNotAtAllWithTheArrowAlwaysRight(FxRobot robot) {
        WindowSteps.openFixtureCopy(robot, dialogs, fixture);
        TableView<SessionRow> table = table(robot);
        TableColumn<SessionRow, ?> repo = AppState.read(() -> table.getColumns().stream().filter(column -> "column-repo".equals(column.getId())).findFirst().orElseThrow());
        Node header = repoHeader(robot);

        String ascending = expectedFirst(SortKey.REPO_NAME, false);
        String descending = expectedFirst(SortKey.REPO_NAME, true);
        String unsorted = expectedFirst(SortKey.SESSION, false);

        robot.clickOn(header);
        waitFor(() -> table.getSortOrder().equals(List.of(repo)) && repo.getSortType() == TableColumn.SortType.ASCENDING
                && firstKey(table).equals(ascending));
        robot.clickOn(header);
        waitFor(() -> table.getSortOrder().equals(List.of(repo)) && repo.getSortType() == TableColumn.SortType.DESCENDING
                && firstKey(table).equals(descending));
        robot.clickOn(header);
        waitFor(() -> table.getSortOrder().isEmpty() && firstKey(table).equals(unsorted));
    }

    @Test
    void aRightClickOnAHeaderOpensItsMenuAndDoesNotSort(FxRobot robot) {
        WindowSteps.openFixtureCopy(robot, dialogs, fixture);
        TableView<SessionRow> table = table(robot);
        String unsorted = expectedFirst(SortKey.SESSION, false);

        robot.rightClickOn(repoHeader(robot));
        waitFor(() -> robot.lookup("#header-filter-repo").tryQuery().isPresent());
        assertThat(AppState.read(() -> table.getSortOrder().isEmpty() && firstKey(table).equals(unsorted))).isTrue();

        click(robot, "#header-filter-repo");
        ListView<?> values = AppState.read(() -> robot.lookup("#filter-pick-list").queryListView());
        waitFor(() -> values.isVisible() && values.getItems().size() >= 2);
        assertThat(AppState.read(() -> table.getSortOrder().isEmpty())).isTrue();
    }

    /** The Columns menu shows and hides the standard columns (the table's own ⋮ covered the last column's title). */
    @Test
    void theColumnsMenuHidesAndShowsAColumn(FxRobot robot) {
        WindowSteps.openFixtureCopy(robot, dialogs, fixture);
        TableView<SessionRow> table = table(robot);
        TableColumn<SessionRow, ?> status = AppState.read(() -> table.getColumns().stream().filter(column -> "column-status".equals(column.getId())).findFirst()
                .orElseThrow());
        MenuButton columns = AppState.read(() -> robot.lookup("#table-columns").queryAs(MenuButton.class));

        for (boolean shownAfter : List.of(false, true)) {
            click(robot, "#table-columns");
            waitFor(columns::isShowing);
            // as a click on it does: the check mark toggles
            robot.interact(() -> columns.getItems().stream().filter(item -> "show-column-status".equals(item.getId()))
                    .map(CheckMenuItem.class::cast).findFirst().orElseThrow().setSelected(shownAfter));
            robot.interact(columns::hide);
            waitFor(() -> status.isVisible() == shownAfter);
        }
        assertThat(AppState.read(table::isTableMenuButtonVisible)).isFalse();
    }

    /**
     * Copy rows took the standard columns only: a column the user added was left out of the copy, and a hidden one was in it
     * only when not hidden. It copies what the table shows, in the table's order (a header dragged to the front is first).
     */
    @Test
    void copyRowsTakesTheColumnsShownInTheTablesOrderAddedOnesToo(FxRobot robot) {
        WindowSteps.openFixtureCopy(robot, dialogs, fixture);
        TableView<SessionRow> table = table(robot);
        dialogs.answer("repoUrl");
        click(robot, "#table-columns");
        click(robot, "Other field…");
        waitFor(() -> table.getColumns().stream().anyMatch(column -> "column-field-repoUrl".equals(column.getId())));
        robot.interact(() -> {
            TableColumn<SessionRow, ?> added = table.getColumns().stream().filter(column -> "column-field-repoUrl".equals(column.getId()))
                    .findFirst().orElseThrow();
            // as a drag of its header to the front does
            table.getColumns().remove(added);
            table.getColumns().add(0, added);
            table.getColumns().stream().filter(column -> "column-status".equals(column.getId())).findFirst().orElseThrow().setVisible(false);
            Clipboard.getSystemClipboard().clear();
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        waitFor(() -> table.isFocused() && table.getSelectionModel().getSelectedIndex() == 0);

        robot.push(KeyCode.CONTROL, KeyCode.C);

        waitFor(() -> Clipboard.getSystemClipboard().hasString());
        assertThat(AppState.read(() -> Clipboard.getSystemClipboard().getString()).lines()).containsExactly(
                "repoUrl\tSession\tTask\tRepo\tBranch\tCreated (UTC)\tLast activity (UTC)",
                "/Users/edobry/Projects/minsky\t#142\t\tlocal/minsky\t#142\t2025-06-17 23:32\t");
    }

    /** Every column reachable, no date cut, any field as a column, filter values picked from the store. */
    @Test
    void theTableScrollsSidewaysCutsNoDateAddsAnyFieldAndFiltersFromAPickList(FxRobot robot) {
        WindowSteps.openFixtureCopy(robot, dialogs, fixture);
        TableView<SessionRow> table = table(robot);
        waitFor(() -> visibleCells(robot, "column-created").size() > 3);

        assertThat(AppState.read(() -> robot.lookup("#sessions-table .scroll-bar").queryAllAs(ScrollBar.class).stream()
                .anyMatch(bar -> bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible()))).isTrue();
        for (String column : List.of("column-created", "column-task", "column-session")) {
            assertThat(AppState.read(() -> visibleCells(robot, column).stream().map(cell -> Map.entry(((Text) cell.lookup(".text")).getText(), cell.getText()))
                    .toList())).as(column).allSatisfy(shownAndWhole -> assertThat(shownAndWhole.getKey()).as(column).isEqualTo(shownAndWhole.getValue()));
        }

        dialogs.answer("remote.authMethod");
        click(robot, "#table-columns");
        click(robot, "Other field…");
        waitFor(() -> table.getColumns().stream().anyMatch(column -> "column-field-remote.authMethod".equals(column.getId())));

        click(robot, "#filter-sessions");
        click(robot, "Repo is…");
        ListView<?> values = AppState.read(() -> robot.lookup("#filter-pick-list").queryListView());
        waitFor(() -> values.isVisible() && values.getItems().size() >= 2);
        pick(robot, "local-minsky  (50)");

        waitFor(() -> text(robot, "#session-count").equals("50 of " + Fixtures.MINSKY_COUNT + " sessions"));
        assertThat(AppState.read(() -> robot.lookup("#filter-pick").query().isVisible())).isFalse();
    }

    @Test
    void twoWordsFindTheSessionsHavingBoth(FxRobot robot) {
        WindowSteps.openFixtureCopy(robot, dialogs, fixture);
        String words = "local-minsky task#1";
        long expected = matching(SessionQuery.all().withSearch(words));
        assertThat(expected).isPositive();

        WindowSteps.search(robot, words);

        waitFor(() -> text(robot, "#session-count").equals(expected + " of " + Fixtures.MINSKY_COUNT + " sessions"));
    }

    /** md#123 found 0 of 217: the fixture keeps task 123's id as #123; a task id typed in any qualified form finds its session. */
    @Test
    void aTaskIdTypedQualifiedFindsTheSessionWhoseIdIsStoredBare(FxRobot robot) {
        WindowSteps.openFixtureCopy(robot, dialogs, fixture);
        TableView<?> table = AppState.read(() -> robot.lookup("#sessions-table").queryAs(TableView.class));

        for (String typed : List.of("md#123", "MD#123")) {
            WindowSteps.search(robot, typed);
            waitFor(() -> text(robot, "#session-count").equals("1 of " + Fixtures.MINSKY_COUNT + " sessions")
                    && WindowSteps.columnCells(table, "Session").stream().map(TableCell::getText).toList().equals(List.of("task#123"))
                    && WindowSteps.columnCells(table, "Found in").stream().map(TableCell::getText).toList().equals(List.of("Session: task#123")));
        }
    }

    /**
     * Search reaches a chat server's session ids, tenants, users and messages: the field promised task, repo and branch, then ids alone,
     * and "session 3" (said in session 3's messages alone) found nothing.
     */
    @Test
    void aChatServersSearchFieldPromisesTheFieldsItFinds(FxRobot robot) throws Exception {
        openChatStore(robot);
        TextField search = AppState.read(() -> robot.lookup("#session-search").queryAs(TextField.class));

        waitFor(() -> search.getPromptText().equals("Search id, tenant, user, messages"));
        assertThat(AppState.read(search::getAccessibleText)).startsWith("Search sessions by their id, tenant, user or what their messages say")
                .doesNotContain("task", "repository", "branch");
        robot.interact(() -> search.setText("000003"));
        waitFor(() -> text(robot, "#session-count").equals("1 of 5 sessions"));
        robot.interact(() -> search.setText("TENANT-1"));
        waitFor(() -> text(robot, "#session-count").equals("2 of 5 sessions"));
        robot.interact(() -> search.setText("of session 3"));
        waitFor(() -> text(robot, "#session-count").equals("1 of 5 sessions"));
    }

    /** The chat server's columns were headed by their raw field paths, "tenantId" and "userId", beside "Created (UTC)"; they have names. */
    @Test
    void aChatServersColumnsAreHeadedByName(FxRobot robot) throws Exception {
        openChatStore(robot);
        TableView<SessionRow> table = table(robot);

        waitFor(() -> table.getColumns().stream().anyMatch(column -> "column-field-userId".equals(column.getId())));
        assertThat(AppState.read(() -> table.getColumns().stream().filter(TableColumn::isVisible).map(TableColumn::getText).toList()))
                .containsExactly("Session", "Created (UTC)", "Tenant", "User");
    }

    /** Task, repo, branch, status and last activity are empty in every chat session: their filters could pick nothing but "(empty)". */
    @Test
    void aChatServersFilterMenuOffersNoneOfMinskysFields(FxRobot robot) throws Exception {
        openChatStore(robot);
        MenuButton filter = AppState.read(() -> robot.lookup("#filter-sessions").queryAs(MenuButton.class));

        waitFor(() -> filter.getItems().stream().map(MenuItem::getId).toList()
                .equals(List.of("filter-session", "filter-created", "filter-field-tenantId", "filter-field-userId")));
    }

    /** A chat admin clicked the tenant header and nothing happened, and the Filter menu offered no tenant. */
    @Test
    void aChatServersTenantColumnSortsOnAHeaderClickAndIsFilteredFromTheFilterMenu(FxRobot robot) throws Exception {
        openChatStore(robot);
        TableView<SessionRow> table = table(robot);
        waitFor(() -> table.getColumns().stream().anyMatch(column -> "column-field-tenantId".equals(column.getId())));
        TableColumn<SessionRow, ?> tenant = AppState.read(() -> table.getColumns().stream()
                .filter(column -> "column-field-tenantId".equals(column.getId())).findFirst().orElseThrow());
        Node header = columnHeader(robot, "column-field-tenantId");

        robot.clickOn(header);
        waitFor(() -> table.getSortOrder().equals(List.of(tenant)) && tenant.getSortType() == TableColumn.SortType.ASCENDING
                && firstKey(table).equals("chat-000000"));
        robot.clickOn(header);
        // tenant-2 is chat-000002's alone (index % 3)
        waitFor(() -> table.getSortOrder().equals(List.of(tenant)) && tenant.getSortType() == TableColumn.SortType.DESCENDING
                && firstKey(table).equals("chat-000002"));
        // the Columns menu's Sort by, the keyboard's way, shows the same sort
        MenuButton columns = AppState.read(() -> robot.lookup("#table-columns").queryAs(MenuButton.class));
        click(robot, "#table-columns");
        waitFor(() -> columns.isShowing() && columns.getItems().stream().filter(item -> "sort-sessions".equals(item.getId()))
                .flatMap(sortBy -> ((Menu) sortBy).getItems().stream())
                .anyMatch(item -> "sort-field-tenantId-descending".equals(item.getId()) && ((RadioMenuItem) item).isSelected()));
        robot.interact(columns::hide);
        // a column added meanwhile (the added columns are built anew) leaves the sort as it is
        dialogs.answer("traits.plan");
        click(robot, "#table-columns");
        click(robot, "Other field…");
        waitFor(() -> table.getColumns().stream().anyMatch(column -> "column-field-traits.plan".equals(column.getId())));

        click(robot, "#filter-sessions");
        click(robot, "Tenant is…");
        ListView<?> values = AppState.read(() -> robot.lookup("#filter-pick-list").queryListView());
        waitFor(() -> values.isVisible() && values.getItems().size() == 3);
        pick(robot, "tenant-1  (2)");

        waitFor(() -> text(robot, "#session-count").equals("2 of 5 sessions"));
        assertThat(AppState.read(() -> robot.lookup("#filter-chips .button").queryAllAs(Button.class).stream()
                .map(Button::getText).toList())).containsExactly("Tenant = tenant-1  ✕");
        assertThat(AppState.read(() -> table.getSortOrder().stream().map(column -> column.getId() + " " + column.getSortType()).toList()))
                .containsExactly("column-field-tenantId DESCENDING");

        // a cell of an added column the store filters by has a standard cell's "Show only" (user-4 is chat-000004's, tenant-1)
        askContextMenu(robot, AppState.read(() -> visibleCells(robot, "column-field-userId").stream()
                .filter(cell -> "user-4".equals(cell.getText())).findFirst().orElseThrow()));
        click(robot, "Show only User = user-4");
        waitFor(() -> text(robot, "#session-count").equals("1 of 5 sessions"));

        // removing the column sorted by goes back to the store's own order; its filter stays, with its chip to remove it
        robot.rightClickOn(columnHeader(robot, "column-field-tenantId")); // the added columns' headers were built anew
        click(robot, "Remove the column Tenant");
        waitFor(() -> table.getColumns().stream().noneMatch(column -> "column-field-tenantId".equals(column.getId()))
                && table.getSortOrder().isEmpty() && text(robot, "#session-count").equals("1 of 5 sessions"));
        assertThat(AppState.read(() -> robot.lookup("#filter-chips .button").queryAllAs(Button.class).stream()
                .map(Button::getText).toList())).containsExactly("Tenant = tenant-1  ✕", "User = user-4  ✕");
        click(robot, "#table-columns");
        waitFor(() -> columns.isShowing() && columns.getItems().stream().filter(item -> "sort-sessions".equals(item.getId()))
                .flatMap(sortBy -> ((Menu) sortBy).getItems().stream())
                .anyMatch(item -> "sort-store-order".equals(item.getId()) && ((RadioMenuItem) item).isSelected()));
        robot.interact(columns::hide);
    }

    private void openChatStore(FxRobot robot) throws Exception {
        WindowSteps.openChatStore(robot, dialogs, run, 5);
    }

    private static void pick(FxRobot robot, String line) {
        robot.clickOn(AppState.read(() -> robot.lookup("#filter-pick-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> line.equals(cell.getText())).findFirst().orElseThrow()));
    }

    /** What a desktop sends on a right click (headless Monocle sends none): the node's context menu shows at its centre. */
    private static void askContextMenu(FxRobot robot, Node node) {
        robot.interact(() -> {
            Bounds bounds = node.localToScreen(node.getBoundsInLocal());
            node.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, bounds.getWidth() / 2, bounds.getHeight() / 2,
                    bounds.getCenterX(), bounds.getCenterY(), false, null));
        });
    }

    private static Node repoHeader(FxRobot robot) {
        return columnHeader(robot, "column-repo");
    }

    private static Node columnHeader(FxRobot robot, String columnId) {
        return AppState.read(() -> robot.lookup(".column-header").queryAll().stream()
                .filter(node -> columnId.equals(node.getId())).findFirst().orElseThrow());
    }

    private String expectedFirst(SortKey key, boolean descending) {
        try (SessionStore store = StoreFactory.open(StoreLocator.of(StoreFormat.JSON, fixture), OpenMode.EXISTING)) {
            return store.page(SessionQuery.all().sortedBy(key, descending).page(0, 1)).records().get(0).key();
        }
    }

    /** What the engine finds for a query, counted record by record: the table's count must agree. */
    private long matching(SessionQuery query) {
        long matching = 0;
        try (SessionStore store = StoreFactory.open(StoreLocator.of(StoreFormat.JSON, fixture), OpenMode.EXISTING); var records = store.cursor()) {
            while (records.hasNext()) {
                matching += query.matches(records.next()) ? 1 : 0;
            }
        }
        return matching;
    }

    private static String firstKey(TableView<SessionRow> table) {
        SessionRow row = table.getItems().isEmpty() ? null : table.getItems().get(0);
        return row != null && row.isLoaded() ? row.record().key() : "";
    }

    @SuppressWarnings("rawtypes")
    private static List<TableCell> visibleCells(FxRobot robot, String columnId) {
        List<TableCell> cells = new ArrayList<>();
        for (TableCell cell : robot.lookup("#sessions-table .table-cell").queryAllAs(TableCell.class)) {
            if (cell.getTableColumn() != null && columnId.equals(cell.getTableColumn().getId()) && cell.isVisible()
                    && cell.getText() != null && !cell.getText().isEmpty() && !cell.getText().equals("…")) {
                cells.add(cell);
            }
        }
        return cells;
    }

    @SuppressWarnings("unchecked")
    private static TableView<SessionRow> table(FxRobot robot) {
        return AppState.read(() -> robot.lookup("#sessions-table").queryAs(TableView.class));
    }
}
