package dev.sessiondb.ui.sessions;

import dev.sessiondb.ui.common.WholeTextCell;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.input.ContextMenuEvent;

/**
 * The sessions table's columns as JavaFX builds them: a standard one or an added field's, each with its header's menu (filter,
 * hide or remove) and cells whose context menu filters by their value or copies the selected rows.
 */
final class SessionTableColumns {

    private final SessionsViewModel viewModel;
    private final Runnable copySelection;

    SessionTableColumns(SessionsViewModel viewModel, Runnable copySelection) {
        this.viewModel = viewModel;
        this.copySelection = copySelection;
    }

    TableColumn<SessionRow, String> of(SessionColumn column) {
        TableColumn<SessionRow, String> tableColumn = new TableColumn<>(column.header());
        tableColumn.setId("column-" + column.id());
        tableColumn.setUserData(column);
        tableColumn.setPrefWidth(column.width());
        tableColumn.setMinWidth(column.minWidth());
        tableColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().text(column)));
        tableColumn.setCellFactory(view -> new FilterableCell(column));
        tableColumn.visibleProperty().addListener((property, before, shown) -> viewModel.showColumn(column, shown));
        MenuItem hide = item("Hide the column " + column.header(), () -> tableColumn.setVisible(false));
        hide.setId("header-hide-" + column.id());
        tableColumn.setContextMenu(new ContextMenu(headerFilter(column), hide));
        return tableColumn;
    }

    TableColumn<SessionRow, String> of(FieldColumn column) {
        TableColumn<SessionRow, String> tableColumn = new TableColumn<>(column.header());
        tableColumn.setId("column-field-" + column.path());
        tableColumn.setUserData(column);
        tableColumn.setPrefWidth(Math.max(120, 9 * column.header().length() + 30)); // the whole header stays readable
        tableColumn.setSortable(column.queried().isPresent());
        tableColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().text(column)));
        Optional<QueryColumn> queried = column.queried();
        tableColumn.setCellFactory(view -> queried.isPresent() ? new FilterableCell(queried.get()) : new WholeTextCell<>());
        ContextMenu menu = new ContextMenu(item("Remove the column " + column.header(), () -> viewModel.removeColumn(column)));
        queried.ifPresent(shown -> menu.getItems().add(0, headerFilter(shown)));
        tableColumn.setContextMenu(menu);
        return tableColumn;
    }

    /** How the store sorts and filters by a table column, if it does. */
    static Optional<QueryColumn> queried(TableColumn<SessionRow, ?> column) {
        return column.getUserData() instanceof SessionColumn standard ? Optional.of(standard)
                : column.getUserData() instanceof FieldColumn field ? field.queried() : Optional.empty();
    }

    static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(event -> action.run());
        return item;
    }

    private MenuItem headerFilter(QueryColumn column) {
        MenuItem filter = item("Show only sessions where " + column.header() + " is…", () -> viewModel.showPickList(column));
        filter.setId("header-filter-" + column.id());
        return filter;
    }

    /** A cell whose context menu filters by its value or copies the selected rows. */
    private final class FilterableCell extends WholeTextCell<SessionRow> {
        private final QueryColumn column;

        FilterableCell(QueryColumn column) {
            this.column = column;
            addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, event -> setContextMenu(menu()));
        }

        private ContextMenu menu() {
            SessionRow row = getTableRow() == null ? null : getTableRow().getItem();
            MenuItem filter = item("Show only " + column.header() + " = " + (getText() == null || getText().isEmpty() ? SessionsViewModel.NO_VALUE : getText()),
                    () -> viewModel.filterBy(column, row));
            // a damaged record's cells are not its values: none to filter by
            filter.setDisable(row == null || !row.isLoaded() || row.isDamaged());
            return new ContextMenu(filter, item("Copy rows (Ctrl+C)", copySelection));
        }
    }
}
