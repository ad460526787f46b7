package dev.sessiondb.ui.history;

import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.common.WholeTextCell;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The History view: every job run (from the app or the command line), newest first, with Undo for the selected one, and a
 * warning above them while the catalog can only be read.
 */
public final class HistoryView extends BorderPane {

    public HistoryView(HistoryViewModel viewModel) {
        setId("history-view");
        TableView<HistoryRow> table = new TableView<>(viewModel.rows());
        table.setId("history-table");
        table.setAccessibleText("Jobs run, newest first");
        table.setPlaceholder(Controls.emptyState("No jobs yet: migrations, consolidations, repairs and edits appear here once run"));
        // as in the sessions table, columns keep widths that fit their text and the table scrolls sideways
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("When (local time)", 175, HistoryRow::when));
        table.getColumns().add(column("Job", 105, HistoryRow::kind));
        TableColumn<HistoryRow, String> stores = column("Stores", 320, HistoryRow::stores);
        stores.setCellFactory(column -> new WholeTextCell<>() {
            @Override
            protected String wholeText() {
                HistoryRow row = getTableRow() == null ? null : getTableRow().getItem();
                return row == null ? getText() : row.storesInFull();
            }
        });
        table.getColumns().add(stores);
        table.getColumns().add(column("Outcome", 165, HistoryRow::outcome));
        table.getColumns().add(column("Undone", 175, HistoryRow::undone));
        table.getColumns().add(column("Counts", 520, HistoryRow::counts));
        table.getColumns().add(column("Why it stopped, what it left", 520, HistoryRow::note));
        viewModel.selectedProperty().addListener((property, before, after) -> {
            if (table.getSelectionModel().getSelectedItem() != after) {
                table.getSelectionModel().select(after);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((property, before, after) -> viewModel.selectedProperty().set(after));

        Button undo = Controls.button("Undo selected job", "Put the store back as it was before the selected job (asks first)", viewModel::undoSelected);
        undo.setId("history-undo");
        undo.disableProperty().bind(viewModel.canUndoSelected().not());
        undo.getTooltip().textProperty().bind(Bindings.when(viewModel.undoWaitProperty().isNotEmpty()).then(viewModel.undoWaitProperty())
                .otherwise(Bindings.when(viewModel.readOnlyCatalogProperty().isEmpty())
                        .then(undo.getTooltip().getText()).otherwise("Refuses while the job history cannot be written (see the line above)")));
        Button refresh = Controls.button("Refresh", "Read the job history again", viewModel::refresh);
        refresh.setId("history-refresh");
        Label title = Controls.styled(new Label("Jobs run, newest first"), "text-caption", "text-muted");
        ToolBar tools = new ToolBar(title, Controls.spacer(), refresh, undo);
        // as the command line's history warns once: the list is as last recorded, and an undo could not be recorded
        Label readOnly = Controls.styled(new Label(), "text-warning");
        readOnly.setId("history-read-only");
        readOnly.setWrapText(true);
        readOnly.setPadding(new Insets(6, 10, 6, 10));
        readOnly.textProperty().bind(viewModel.readOnlyCatalogProperty());
        readOnly.accessibleTextProperty().bind(viewModel.readOnlyCatalogProperty());
        readOnly.visibleProperty().bind(viewModel.readOnlyCatalogProperty().isNotEmpty());
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        setTop(new VBox(tools, readOnly));
        setCenter(table);
        setPadding(new Insets(0));
    }

    private static TableColumn<HistoryRow, String> column(String title, double width, Function<HistoryRow, String> value) {
        TableColumn<HistoryRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
