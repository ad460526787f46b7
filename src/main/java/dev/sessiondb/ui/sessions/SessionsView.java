package dev.sessiondb.ui.sessions;

import static dev.sessiondb.ui.sessions.SessionTableColumns.item;
import static dev.sessiondb.ui.sessions.SessionTableColumns.queried;

import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.common.FillWidthResizePolicy;
import java.util.List;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.textfield.TextFields;

/**
 * The sessions table with its search field, filter chips, live count and export menu.
 * Sorting and filtering go to the store through the ViewModel; the table only shows rows.
 */
public final class SessionsView extends VBox {

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final SessionsViewModel viewModel;
    private final TableView<SessionRow> table = new TableView<>();
    private final TextField search = TextFields.createClearableTextField();
    private final SessionTableColumns tableColumns;
    /** While the table gets new rows or columns, as the view model has them: JavaFX then clears or changes its sort order. */
    private boolean replacingColumns;
    /** Enter or Down in the search asked for the sessions it finds, which are still being read. */
    private boolean focusWhenShown;

    public SessionsView(SessionsViewModel viewModel) {
        this.viewModel = viewModel;
        this.tableColumns = new SessionTableColumns(viewModel, this::copySelection);
        setId("sessions-view");
        setSpacing(8);
        setPadding(new Insets(10));

        search.setId("session-search");
        describeSearch(viewModel.searchPromptProperty().get());
        viewModel.searchPromptProperty().addListener((property, before, after) -> describeSearch(after));
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(520);
        PauseTransition typing = new PauseTransition(Duration.millis(250));
        typing.setOnFinished(event -> viewModel.searchProperty().set(search.getText()));
        search.textProperty().addListener((property, before, after) -> typing.playFromStart());
        viewModel.searchProperty().addListener((property, before, after) -> {
            if (!after.equals(search.getText())) {
                search.setText(after);
            }
        });
        // as in browsers and IDEs: Esc clears the search at once, and Esc in an empty search goes on to the sessions;
        // Enter or Down goes on to the sessions found (Tab went through Columns, Filter and Export first)
        search.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.DOWN) {
                event.consume();
                typing.stop();
                viewModel.searchProperty().set(search.getText());
                goToFound(search.getText());
            } else if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                if (search.getText().isEmpty()) {
                    focusTable();
                } else {
                    typing.stop();
                    search.clear();
                    viewModel.searchProperty().set("");
                }
            }
        });

        Label count = Controls.styled(new Label(), "text-muted");
        count.setId("session-count");
        count.textProperty().bind(viewModel.countProperty());
        count.accessibleTextProperty().bind(viewModel.countProperty());

        MenuButton export = new MenuButton("Export", null,
                item("CSV (table columns)…", viewModel::exportCsv), item("JSON (whole records)…", viewModel::exportJson));
        export.setId("export-sessions");
        Controls.describe(export, "Export the sessions shown (search, filters and order applied) to a file; secrets are masked");
        export.disableProperty().bind(viewModel.storeOpenProperty().not());
        search.disableProperty().bind(viewModel.storeOpenProperty().not());

        MenuButton filter = new MenuButton("Filter");
        filter.setId("filter-sessions");
        fillFilterMenu(filter);
        viewModel.filterableColumns().addListener((ListChangeListener<QueryColumn>) change -> fillFilterMenu(filter));
        Controls.describe(filter, "Show only sessions whose column has a value picked from the values in the store (or right-click a cell: Show only)");
        filter.disableProperty().bind(viewModel.storeOpenProperty().not());

        MenuButton columns = new MenuButton("Columns");
        columns.setId("table-columns");
        Controls.describe(columns, "Show or hide the columns; add a column for any field (nested ones as pullRequest.state); sort by a column, as a header click does");
        columns.setOnShowing(event -> ColumnsMenu.fill(columns, table, viewModel));
        columns.getItems().add(new MenuItem()); // a menu with no items never shows; it is filled on showing
        columns.disableProperty().bind(viewModel.storeOpenProperty().not());

        ProgressIndicator loading = new ProgressIndicator();
        loading.setId("sessions-loading");
        loading.setPrefSize(18, 18);
        loading.setAccessibleText("Reading sessions");
        loading.visibleProperty().bind(viewModel.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());

        // on a narrow window the search field gives up its width: the count and the menus keep their words
        for (Region keepsItsWords : List.of(count, columns, filter, export)) {
            keepsItsWords.setMinWidth(Region.USE_PREF_SIZE);
        }
        search.setMinWidth(120);
        HBox bar = new HBox(10, search, loading, count, Controls.spacer(), columns, filter, export);
        bar.setAlignment(Pos.CENTER_LEFT);

        FlowPane chips = new FlowPane(6, 6);
        chips.setId("filter-chips");
        viewModel.filters().addListener((ListChangeListener<FieldFilter>) change -> showChips(chips));
        chips.managedProperty().bind(chips.visibleProperty());
        chips.setVisible(false);

        HBox rows = new HBox(table, buildTable());
        HBox.setHgrow(table, Priority.ALWAYS);
        VBox.setVgrow(rows, Priority.ALWAYS);
        getChildren().addAll(bar, chips, new PickPanel(viewModel), rows);
    }

    /** A stand-in of the table to build ahead, so that a store's first page shows sooner ({@link TableAhead}). */
    public Node tableAhead() {
        return new TableAhead(table);
    }

    /**
     * Gives the table the keyboard: arrows move through the sessions, and the window's shortcuts are heard. With none selected,
     * the row the table's focus is on (the first) is selected, so its details show: unselected, it had no mark and Down skipped it.
     */
    public void focusTable() {
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(Math.max(table.getFocusModel().getFocusedIndex(), 0));
        }
        table.requestFocus();
    }

    /**
     * Gives the table the keyboard on the sessions {@code searched} finds: at once when they are shown, else when they come (a search
     * typed just now is read in the background, and the rows shown before it would lose the selection to it).
     */
    private void goToFound(String searched) {
        boolean shown = table.getItems() instanceof PagedSessionList rows && rows.query().search().equals(searched.strip());
        focusWhenShown = !shown;
        if (shown) {
            focusTable();
        }
    }

    /** Puts the cursor in the search field (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Builds the table; returns the bar that scrolls it through a result longer than one window of rows. */
    private ResultScrollBar buildTable() {
        ResultScrollBar wholeResult = new ResultScrollBar(table, this::showRows);
        table.setId("sessions-table");
        table.setAccessibleText("Sessions of the open store");
        // no ⋮ at the header's right: it covered the last column's title; the Columns menu shows and hides them
        // columns keep their widths and the table scrolls sideways, as in database browsers: nothing is cut to fit;
        // a wider table gives its free width to the columns whose text is cut first
        table.setColumnResizePolicy(new FillWidthResizePolicy(
                column -> column.getUserData() instanceof SessionColumn shown ? shown.freeWidthShare() : 0));
        // a right click on a header opens its menu, on the release as JavaFX would otherwise sort then (and not every
        // platform asks for a context menu on its own)
        table.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> {
            if (event.getButton() == MouseButton.SECONDARY) {
                columnHeader(event.getPickResult().getIntersectedNode()).ifPresent(header -> {
                    event.consume();
                    ContextMenu menu = header.getTableColumn().getContextMenu();
                    if (menu != null) {
                        menu.show(header, event.getScreenX(), event.getScreenY());
                    }
                });
            }
        });
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // JavaFX clears the sort order whenever a table gets a new item list that is not a SortedList;
        // each query brings a new paged list, so the header arrow is put back from the ViewModel's sort
        table.setItems(viewModel.rowsProperty().get());
        viewModel.rowsProperty().addListener((property, before, rows) -> showResult(before, rows));
        StringBinding emptyTableMessage = viewModel.emptyTableMessage();
        table.placeholderProperty().bind(Bindings.createObjectBinding(() -> Controls.emptyState(emptyTableMessage.get()), emptyTableMessage));
        for (SessionColumn column : SessionColumn.values()) {
            table.getColumns().add(tableColumns.of(column));
        }
        table.getColumns().add(1, FoundInColumn.of(viewModel.foundIn())); // after Session, while a search is active
        viewModel.hiddenColumns().addListener((ListChangeListener<String>) change -> showHiddenColumns());
        viewModel.addedColumns().addListener((ListChangeListener<FieldColumn>) change -> showAddedColumns());
        // a header click cycles ascending, descending, unsorted; the store sorts, the table only shows the arrow
        table.setSortPolicy(view -> {
            if (replacingColumns) {
                return true;
            }
            if (view.getSortOrder().isEmpty()) {
                viewModel.unsort();
            } else {
                TableColumn<SessionRow, ?> first = view.getSortOrder().get(0);
                viewModel.sortBy(queried(first).orElseThrow().sortKey(), first.getSortType() == TableColumn.SortType.DESCENDING);
            }
            return true;
        });
        table.getSelectionModel().selectedItemProperty().addListener((property, before, after) -> viewModel.select(after));
        table.setOnKeyPressed(event -> {
            if (COPY.match(event)) {
                copySelection();
            }
        });
        return wholeResult;
    }

    /**
     * Another query's result starts at its first row; the same query read again keeps the place.
     * Starting at the top also spares JavaFX's rows: a table far down a long list builds every
     * row anew for a shorter one (a search in a 1M store stalled the FX thread 130-155 ms on it).
     */
    private void showResult(ObservableList<SessionRow> before, ObservableList<SessionRow> rows) {
        boolean sameQuery = before instanceof PagedSessionList shown && rows instanceof PagedSessionList next
                && shown.query().equals(next.query());
        // an empty table is at its top already, and JavaFX 21 then shows no rows of the next list
        if (!sameQuery && !before.isEmpty()) {
            table.scrollTo(0);
        }
        int place = table.getSelectionModel().getSelectedIndex();
        SessionRow selected = table.getSelectionModel().getSelectedItem();
        showRows(rows);
        if (focusWhenShown) {
            focusWhenShown = false;
            focusTable();
        }
        if (sameQuery && place >= 0 && selected != null && rows.size() == before.size() - 1 && !rows.isEmpty()) {
            selectInPlaceOfDeleted(rows, place, selected);
        }
    }

    /**
     * One row fewer under the same query. When the selected session is still at its place, or one up (another program deleted
     * a row above it), it stays selected; otherwise it was the one deleted, and the row that took its place (the next, or the
     * previous when it was the last) is selected, as file managers do, so the detail pane is not left empty. A row of a page
     * not read again yet is taken for another session: the user's own delete is the usual case.
     */
    private void selectInPlaceOfDeleted(ObservableList<SessionRow> rows, int place, SessionRow selected) {
        for (int stillThere = Math.min(place, rows.size() - 1); stillThere >= Math.max(place - 1, 0); stillThere--) {
            SessionRow row = rows.get(stillThere);
            if (row.isLoaded() && selected.isLoaded() && row.record().key().equals(selected.record().key())) {
                table.getSelectionModel().clearAndSelect(stillThere);
                return;
            }
        }
        table.getSelectionModel().clearAndSelect(Math.min(place, rows.size() - 1));
    }

    private void showRows(ObservableList<SessionRow> rows) {
        replacingColumns = true;
        table.setItems(rows);
        replacingColumns = false;
        showSortOrder();
    }

    private void showSortOrder() {
        Optional<TableColumn<SessionRow, ?>> sortedColumn = viewModel.sortedBy().flatMap(key -> table.getColumns().stream()
                .filter(column -> queried(column).filter(shown -> shown.sortKey() == key).isPresent()).findFirst());
        if (sortedColumn.isEmpty()) {
            table.getSortOrder().clear();
            return;
        }
        TableColumn<SessionRow, ?> column = sortedColumn.get();
        column.setSortType(viewModel.isDescending() ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
        if (!table.getSortOrder().equals(List.of(column))) {
            table.getSortOrder().setAll(List.of(column));
        }
    }

    private void fillFilterMenu(MenuButton filter) {
        filter.getItems().setAll(viewModel.filterableColumns().stream().map(column -> {
            MenuItem pick = item(column.header() + " is…", () -> viewModel.showPickList(column));
            pick.setId("filter-" + column.id());
            return pick;
        }).toList());
    }

    private void describeSearch(SearchPrompt prompt) {
        search.setPromptText(prompt.text());
        Controls.describe(search, prompt.description());
    }

    private static Optional<TableColumnHeader> columnHeader(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof TableColumnHeader header) {
                return Optional.of(header);
            }
        }
        return Optional.empty();
    }

    private void showHiddenColumns() {
        for (TableColumn<SessionRow, ?> tableColumn : table.getColumns()) {
            if (tableColumn.getUserData() instanceof SessionColumn column) {
                tableColumn.setVisible(!viewModel.hiddenColumns().contains(column.id()));
            }
        }
    }

    /** The added columns anew; the sort arrow stays on the column the store sorts by. */
    private void showAddedColumns() {
        replacingColumns = true;
        table.getColumns().removeIf(tableColumn -> tableColumn.getUserData() instanceof FieldColumn);
        viewModel.addedColumns().forEach(column -> table.getColumns().add(tableColumns.of(column)));
        replacingColumns = false;
        showSortOrder();
    }

    private void copySelection() {
        // what the table shows, in its order: a column the user added or dragged elsewhere too
        List<ShownColumn> visible = table.getColumns().stream().filter(TableColumn::isVisible)
                .map(TableColumn::getUserData).filter(ShownColumn.class::isInstance).map(ShownColumn.class::cast).toList();
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.copyText(table.getSelectionModel().getSelectedItems(), visible));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void showChips(FlowPane chips) {
        chips.getChildren().clear();
        for (FieldFilter filter : viewModel.filters()) {
            String text = QueryColumn.chipText(filter);
            Button chip = Controls.button(text + "  ✕", "Remove the filter " + text, () -> viewModel.filters().remove(filter));
            chip.getStyleClass().addAll("small", "rounded");
            chips.getChildren().add(chip);
        }
        chips.setVisible(!viewModel.filters().isEmpty());
    }
}
