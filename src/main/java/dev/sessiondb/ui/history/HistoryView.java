package dev.sessiondb.ui.history;

import dev.sessiondb.ui.common.ChangedSessionsView;
import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.common.FillWidthResizePolicy;
import dev.sessiondb.ui.common.WholeTextCell;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The History view: every job run (from the app or the command line), newest first, the selected one in full below them with
 * Undo for it, and a warning above them while the catalog can only be read.
 */
public final class HistoryView extends BorderPane {

    /** Marks the Stores column, the one that takes a wide window's free width. */
    private static final Object STORES = new Object();

    private final TableView<HistoryRow> table;

    public HistoryView(HistoryViewModel viewModel) {
        setId("history-view");
        table = new TableView<>(viewModel.rows());
        table.setId("history-table");
        table.setAccessibleText("Jobs run, newest first");
        table.setPlaceholder(Controls.emptyState("No jobs yet: migrations, consolidations, repairs and edits appear here once run"));
        // as in the sessions table, columns keep widths that fit their text (a narrow window scrolls sideways) and a wider
        // window gives its free width to Stores, the longest; the rest of a run is in the details below
        table.setColumnResizePolicy(new FillWidthResizePolicy(column -> column.getUserData() == STORES ? 1 : 0));
        table.getColumns().add(column("When (local time)", 175, HistoryRow::when));
        table.getColumns().add(column("Job", 105, HistoryRow::kind));
        TableColumn<HistoryRow, String> stores = column("Stores", 320, HistoryRow::stores);
        stores.setUserData(STORES);
        stores.setCellFactory(column -> new WholeTextCell<>() {
            @Override
            protected String wholeText() {
                HistoryRow row = getTableRow() == null ? null : getTableRow().getItem();
                return row == null ? getText() : row.storesInFull();
            }
        });
        table.getColumns().add(stores);
        table.getColumns().add(column("Outcome", 190, HistoryRow::outcome));
        table.getColumns().add(column("Undone (local time)", 175, HistoryRow::undone));
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
        Label whyNotUndoable = Controls.styled(new Label(), "text-muted");
        whyNotUndoable.setId("history-why-not-undoable");
        whyNotUndoable.textProperty().bind(viewModel.whyNotUndoable());
        whyNotUndoable.visibleProperty().bind(whyNotUndoable.textProperty().isNotEmpty());
        whyNotUndoable.managedProperty().bind(whyNotUndoable.visibleProperty());
        ToolBar tools = new ToolBar(title, Controls.spacer(), refresh, whyNotUndoable, undo);
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
        // beside the story rather than under it: under it the list of jobs kept a row or two on a small screen
        TextArea story = wholeRun(viewModel);
        ChangedSessionsView changed = new ChangedSessionsView("history", viewModel.changedSessions());
        HBox run = new HBox(12, story, changed);
        HBox.setHgrow(story, Priority.ALWAYS);
        changed.prefWidthProperty().bind(run.widthProperty().multiply(0.45));
        changed.setMinWidth(Region.USE_PREF_SIZE);
        run.setPadding(new Insets(8, 10, 10, 10));
        setBottom(run);
        setPadding(new Insets(0));
    }

    /** Gives the list of jobs the keyboard: the arrows pick a job, whose whole story shows below. */
    public void focusTable() {
        table.requestFocus();
    }

    /** The selected run in full, wrapped and selectable (to copy a run id, backup id or report path): a row holds only its first facts. */
    private static TextArea wholeRun(HistoryViewModel viewModel) {
        TextArea whole = new TextArea();
        whole.setId("history-run-text");
        whole.setEditable(false);
        whole.setWrapText(true);
        whole.setPrefRowCount(11); // a run with every line told, its stores and undo wrapped, without a scroll
        whole.setAccessibleText("The selected job in full, read-only");
        whole.textProperty().bind(viewModel.selectedStory());
        return whole;
    }

    private static TableColumn<HistoryRow, String> column(String title, double width, Function<HistoryRow, String> value) {
        TableColumn<HistoryRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
