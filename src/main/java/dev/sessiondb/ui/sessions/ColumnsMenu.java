package dev.sessiondb.ui.sessions;

import static dev.sessiondb.ui.sessions.SessionTableColumns.item;

import dev.sessiondb.ui.common.Controls;
import java.util.Optional;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;

/** The Columns menu, filled as it opens: each standard column shown or hidden, fields to add or remove, and Sort by. */
final class ColumnsMenu {

    private ColumnsMenu() {
    }

    static void fill(MenuButton menu, TableView<SessionRow> table, SessionsViewModel viewModel) {
        menu.getItems().clear();
        for (TableColumn<SessionRow, ?> tableColumn : table.getColumns()) {
            if (tableColumn.getUserData() instanceof SessionColumn column) {
                CheckMenuItem shown = Controls.asWritten(new CheckMenuItem(column.header()));
                shown.setId("show-column-" + column.id());
                shown.setSelected(tableColumn.isVisible());
                shown.selectedProperty().addListener((property, before, after) -> tableColumn.setVisible(after));
                menu.getItems().add(shown);
            }
        }
        menu.getItems().add(new SeparatorMenuItem());
        MenuItem other = item("Other field…", viewModel::askColumn);
        other.setId("add-column-other");
        menu.getItems().add(other);
        if (!viewModel.fieldsFound().isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
            Menu found = new Menu("Add a field of these sessions");
            found.setId("add-column-found");
            for (String path : viewModel.fieldsFound()) {
                MenuItem add = item(new FieldColumn(path).shownPath(), () -> viewModel.addColumn(path));
                add.setId("add-column-" + path);
                found.getItems().add(add);
            }
            menu.getItems().add(found);
        }
        for (FieldColumn column : viewModel.addedColumns()) {
            menu.getItems().add(item("Remove " + column.header(), () -> viewModel.removeColumn(column)));
        }
        menu.getItems().addAll(new SeparatorMenuItem(), sortMenu(table, viewModel));
    }

    /** The header click's sort, for the keyboard too: a header cannot take the focus. */
    private static Menu sortMenu(TableView<SessionRow> table, SessionsViewModel viewModel) {
        Menu sort = new Menu("Sort by");
        sort.setId("sort-sessions");
        ToggleGroup order = new ToggleGroup();
        for (QueryColumn column : table.getColumns().stream().flatMap(tableColumn -> SessionTableColumns.queried(tableColumn).stream()).toList()) {
            for (boolean descending : new boolean[] {false, true}) {
                String direction = descending ? "descending" : "ascending";
                RadioMenuItem item = sortItem(order, column.header() + ", " + direction,
                        viewModel.sortedBy().equals(Optional.of(column.sortKey())) && viewModel.isDescending() == descending,
                        () -> viewModel.sortBy(column.sortKey(), descending));
                item.setId("sort-" + column.id() + "-" + direction);
                sort.getItems().add(item);
            }
        }
        RadioMenuItem storeOrder = sortItem(order, "The store's own order", viewModel.sortedBy().isEmpty(), viewModel::unsort);
        storeOrder.setId("sort-store-order");
        sort.getItems().add(storeOrder);
        return sort;
    }

    private static RadioMenuItem sortItem(ToggleGroup order, String text, boolean chosen, Runnable action) {
        RadioMenuItem item = Controls.asWritten(new RadioMenuItem(text));
        item.setToggleGroup(order);
        item.setSelected(chosen);
        item.setOnAction(event -> action.run());
        return item;
    }
}
