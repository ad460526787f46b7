package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.ui.common.Controls;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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

    public SessionsView(SessionsViewModel viewModel) {
        this.viewModel = viewModel;
        setId("sessions-view");
        setSpacing(8);
        setPadding(new Insets(10));

        search.setId("session-search");
        search.setPromptText("Search session, task, repo, branch  (Ctrl+F)");
        Controls.describe(search, "Search sessions by session name, task id, repository or branch");
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
        for (SessionColumn column : SessionColumn.values()) {
            filter.getItems().add(item(column.header() + " = …", () -> viewModel.askFilter(column)));
        }
        Controls.describe(filter, "Show only sessions whose column has an exact value (or right-click a cell: Show only)");
        filter.disableProperty().bind(viewModel.storeOpenProperty().not());

        HBox bar = new HBox(10, search, count, Controls.spacer(), filter, export);
        bar.setAlignment(Pos.CENTER_LEFT);

        FlowPane chips = new FlowPane(6, 6);
        chips.setId("filter-chips");
        viewModel.filters().addListener((ListChangeListener<FieldFilter>) change -> showChips(chips));
        chips.managedProperty().bind(chips.visibleProperty());
        chips.setVisible(false);

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, chips, table);
    }

    /** Puts the cursor in the search field (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void buildTable() {
        table.setId("sessions-table");
        table.setAccessibleText("Sessions of the open store");
        table.setTableMenuButtonVisible(true);
        // columns share the width: no sideways scrolling; the column chooser (the header's ⋮) hides what is not needed
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.itemsProperty().bind(viewModel.rowsProperty());
        table.placeholderProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(() -> Controls.emptyState(
                viewModel.loadingProperty().get() ? "Reading sessions…"
                        : viewModel.storeOpenProperty().get() ? "No sessions match. Clear the search or remove a filter."
                        : "No store open: pick one on the left, or add one with Add (Ctrl+O)."),
                viewModel.loadingProperty(), viewModel.storeOpenProperty()));
        for (SessionColumn column : SessionColumn.values()) {
            table.getColumns().add(column(column));
        }
        table.setSortPolicy(view -> {
            if (!view.getSortOrder().isEmpty()) {
                TableColumn<SessionRow, ?> first = view.getSortOrder().get(0);
                viewModel.sortBy(((SessionColumn) first.getUserData()).sortKey(), first.getSortType() == TableColumn.SortType.DESCENDING);
            }
            return true;
        });
        table.getSelectionModel().selectedItemProperty().addListener((property, before, after) -> viewModel.select(after));
        table.setOnKeyPressed(event -> {
            if (COPY.match(event)) {
                copySelection();
            }
        });
    }

    private TableColumn<SessionRow, String> column(SessionColumn column) {
        TableColumn<SessionRow, String> tableColumn = new TableColumn<>(column.header());
        tableColumn.setId("column-" + column.name().toLowerCase(java.util.Locale.ROOT));
        tableColumn.setUserData(column);
        tableColumn.setPrefWidth(column.width());
        tableColumn.setMinWidth(column.minWidth());
        tableColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().text(column)));
        tableColumn.setCellFactory(view -> new FilterableCell(column));
        return tableColumn;
    }

    private void copySelection() {
        java.util.List<SessionColumn> visible = table.getColumns().stream().filter(TableColumn::isVisible)
                .map(tableColumn -> (SessionColumn) tableColumn.getUserData()).toList();
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.copyText(table.getSelectionModel().getSelectedItems(), visible));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void showChips(FlowPane chips) {
        chips.getChildren().clear();
        for (FieldFilter filter : viewModel.filters()) {
            String text = SessionColumn.of(filter.field()).header() + " = " + filter.value();
            Button chip = Controls.button(text + "  ✕", "Remove the filter " + text, () -> viewModel.filters().remove(filter));
            chip.getStyleClass().addAll("small", "rounded");
            chips.getChildren().add(chip);
        }
        chips.setVisible(!viewModel.filters().isEmpty());
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(event -> action.run());
        return item;
    }

    /** A cell whose context menu filters by its value or copies the selected rows. */
    private final class FilterableCell extends TableCell<SessionRow, String> {
        private final SessionColumn column;

        FilterableCell(SessionColumn column) {
            this.column = column;
            addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, event -> setContextMenu(menu()));
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
        }

        private ContextMenu menu() {
            SessionRow row = getTableRow() == null ? null : getTableRow().getItem();
            MenuItem filter = item("Show only " + column.header() + " = " + (getText() == null ? "" : getText()),
                    () -> viewModel.filterBy(column, row));
            filter.setDisable(row == null || !row.isLoaded());
            return new ContextMenu(filter, item("Copy rows (Ctrl+C)", SessionsView.this::copySelection));
        }
    }
}
