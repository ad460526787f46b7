package dev.sessiondb.ui.sessions;

import dev.sessiondb.ui.common.ShownAhead;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * A stand-in of the sessions table, built ahead while the window waits for a first click
 * ({@link ShownAhead}): its rows of "…" are made one per pulse, as many as the table shows, with the
 * table's own columns and cells. The first page of the store opened next then finds JavaFX's row
 * and cell code run once and their styles in the window's style cache: otherwise all of it ran for
 * the first time in one pulse, the longest of the opening of a 1M store (105 ms of the FX thread's work).
 */
final class TableAhead extends TableView<SessionRow> implements ShownAhead.Staged {

    /** Rows built when the table has no height yet: about a screenful. */
    private static final int ROWS_WITHOUT_HEIGHT = 25;

    private final TableView<SessionRow> table;
    private int stage;

    TableAhead(TableView<SessionRow> table) {
        this.table = table;
        setId("sessions-table-ahead"); // the sessions table's fixed row height (app.css)
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
        for (TableColumn<SessionRow, ?> shown : table.getColumns()) {
            getColumns().add(copy(shown));
        }
        setPrefSize(Math.max(table.getWidth(), 600), 1); // the first stage: the table and its header, no row yet
    }

    @Override
    public boolean nextStage() {
        stage++;
        if (stage == 1) {
            return true;
        }
        int rows = rowsOfTheTable();
        // a store shown first has made the table's rows itself
        if (stage > rows + 1 || !table.getItems().isEmpty()) {
            getItems().clear();
            return false;
        }
        while (getItems().size() <= rows) {
            getItems().add(SessionRow.loading(getItems().size()));
        }
        setPrefHeight(headerHeight() + (stage - 1) * getFixedCellSize());
        return true;
    }

    private int rowsOfTheTable() {
        return table.getHeight() > 0 && getFixedCellSize() > 0 ? (int) Math.ceil(table.getHeight() / getFixedCellSize()) : ROWS_WITHOUT_HEIGHT;
    }

    private double headerHeight() {
        Node header = lookup(".column-header-background");
        return header == null ? 0 : header.getLayoutBounds().getHeight();
    }

    @SuppressWarnings("unchecked")
    private static TableColumn<SessionRow, String> copy(TableColumn<SessionRow, ?> shown) {
        TableColumn<SessionRow, String> column = (TableColumn<SessionRow, String>) shown;
        TableColumn<SessionRow, String> copy = new TableColumn<>(column.getText());
        copy.setPrefWidth(column.getPrefWidth());
        copy.setMinWidth(column.getMinWidth());
        copy.setVisible(column.isVisible());
        copy.setCellValueFactory(column.getCellValueFactory());
        copy.setCellFactory(column.getCellFactory());
        return copy;
    }
}
