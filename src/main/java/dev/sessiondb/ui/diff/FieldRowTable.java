package dev.sessiondb.ui.diff;

import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.wizard.WizardPages;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** Two records field by field (the rows {@link SideBySide} lays out), changed fields highlighted: the diff view's and the edit conflict's table. */
public final class FieldRowTable {

    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("diff-changed");
    private static final PseudoClass CONTAINS = PseudoClass.getPseudoClass("diff-contains");
    private static final PseudoClass IGNORED = PseudoClass.getPseudoClass("diff-ignored");

    private FieldRowTable() {
    }

    /**
     * @param titleA the heading of the first record's column ("A", "As read")
     * @param titleB the heading of the second record's column
     * @param empty  what the table says while it has no rows
     */
    public static TableView<FieldRow> of(ObservableList<FieldRow> rows, String id, String titleA, String titleB, String empty) {
        TableView<FieldRow> table = new TableView<>(rows);
        table.setId(id);
        table.getStylesheets().add(FieldRowTable.class.getResource("diff.css").toExternalForm());
        table.setAccessibleText("Both records field by field; changed fields are highlighted");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(Controls.emptyState(empty));
        table.getColumns().add(column("Field", FieldRow::name, 220));
        table.getColumns().add(column(titleA, FieldRow::a, 180));
        table.getColumns().add(column(titleB, FieldRow::b, 180));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(FieldRow row, boolean empty) {
                super.updateItem(row, empty);
                FieldRow.State state = empty || row == null ? null : row.state();
                pseudoClassStateChanged(CHANGED, state == FieldRow.State.CHANGED);
                pseudoClassStateChanged(CONTAINS, state == FieldRow.State.CONTAINS_CHANGES);
                pseudoClassStateChanged(IGNORED, state == FieldRow.State.IGNORED);
                setAccessibleText(state == null ? null : row.path() + ": " + describe(state) + "; " + titleA + " " + row.a() + "; " + titleB + " " + row.b());
            }
        });
        return table;
    }

    private static String describe(FieldRow.State state) {
        return switch (state) {
            case SAME -> "the same";
            case CHANGED -> "changed";
            case CONTAINS_CHANGES -> "has changed fields inside";
            case IGNORED -> "ignored";
        };
    }

    private static TableColumn<FieldRow, String> column(String title, java.util.function.Function<FieldRow, String> value, double width) {
        TableColumn<FieldRow, String> column = WizardPages.column(title, value);
        column.setPrefWidth(width);
        return column;
    }
}
