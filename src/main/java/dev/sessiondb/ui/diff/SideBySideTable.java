package dev.sessiondb.ui.diff;

import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.wizard.WizardPages;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * Two versions of a session field by field ({@link SideBySide}'s rows): changed lines highlighted,
 * each value's whole text in a tooltip, a long one's where it changed and a link to all of it ({@link ValueCell}). The diff view and the consolidation wizard's conflicts share it.
 */
public final class SideBySideTable {

    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("diff-changed");
    private static final PseudoClass CONTAINS = PseudoClass.getPseudoClass("diff-contains");
    private static final PseudoClass IGNORED = PseudoClass.getPseudoClass("diff-ignored");
    private static final int CONTEXT_ROWS = 2;

    private SideBySideTable() {
    }

    /**
     * @param headerA what the left column shows ("A", "Source 1")
     * @param headerB what the right column shows
     */
    public static TableView<FieldRow> create(String id, ObservableList<FieldRow> rows, String headerA, String headerB, String placeholder) {
        TableView<FieldRow> table = Controls.fittedTable(id, rows,
                "Both versions field by field; changed fields are highlighted", placeholder);
        table.getStylesheets().add(SideBySideTable.class.getResource("diff.css").toExternalForm());
        table.getColumns().add(column("Field", FieldRow::name, 220));
        table.getColumns().add(valueColumn(headerA, FieldRow::a, true));
        table.getColumns().add(valueColumn(headerB, FieldRow::b, false));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(FieldRow row, boolean empty) {
                super.updateItem(row, empty);
                FieldRow.State state = empty || row == null ? null : row.state();
                pseudoClassStateChanged(CHANGED, state == FieldRow.State.CHANGED);
                pseudoClassStateChanged(CONTAINS, state == FieldRow.State.CONTAINS_CHANGES);
                pseudoClassStateChanged(IGNORED, state == FieldRow.State.IGNORED);
                setAccessibleText(state == null ? null : row.path() + ": " + describe(state) + "; " + headerA + " " + row.a() + "; " + headerB + " " + row.b());
            }
        });
        // once the table's skin has heard of the new rows too (it listens after this) and laid them out: a scroll before that
        // is to a row it has not got, or by row heights it has not measured yet
        rows.addListener((ListChangeListener<FieldRow>) change -> Platform.runLater(() -> {
            table.layout();
            scrollToFirstChange(table);
        }));
        return table;
    }

    /**
     * A change deep in a record (a chat session's last message, twenty rows down) was out of sight when both versions
     * opened: they open on the first changed field, with the two lines above it that say where it sits.
     */
    private static void scrollToFirstChange(TableView<FieldRow> table) {
        List<FieldRow> rows = table.getItems();
        IntStream.range(0, rows.size()).filter(index -> rows.get(index).state() == FieldRow.State.CHANGED).findFirst()
                .ifPresent(first -> table.scrollTo(Math.max(0, first - CONTEXT_ROWS)));
    }

    private static String describe(FieldRow.State state) {
        return switch (state) {
            case SAME -> "the same";
            case CHANGED -> "changed";
            case CONTAINS_CHANGES -> "has changed fields inside";
            case IGNORED -> "ignored";
        };
    }

    private static TableColumn<FieldRow, String> valueColumn(String header, Function<FieldRow, String> value, boolean sideA) {
        TableColumn<FieldRow, String> column = column(header, value, 180);
        column.setCellFactory(view -> new ValueCell(sideA, header));
        return column;
    }

    private static TableColumn<FieldRow, String> column(String title, Function<FieldRow, String> value, double width) {
        TableColumn<FieldRow, String> column = WizardPages.column(title, value);
        column.setPrefWidth(width);
        return column;
    }
}
