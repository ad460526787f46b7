package dev.sessiondb.ui.detail;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The edit form's names and fields. Side by side while the longest name fits whole beside a field of a usable width, the fields
 * taking the width left; each name over its field, both the form's whole width, when the pane is narrower (magellai's nested
 * names, {@code conversation.settings.temperature}, were cut to "conversation.settin…" beside fields a few characters wide).
 */
final class EditFormGrid extends GridPane {

    /** A field narrower than this shows a date or a sentence a few characters at a time. */
    static final double FIELD_MIN_WIDTH = 160;
    private static final double GAP = 10;
    /** Between one field and the next name, when each name is over its field: the pairs read apart. */
    private static final Insets NAME_OVER_FIELD = new Insets(6, 0, 0, 0);

    private final List<Label> names = new ArrayList<>();
    /** The names as given: a narrow form may show one broken after a dot. */
    private final List<String> texts = new ArrayList<>();
    private final List<Control> fields = new ArrayList<>();
    private double width;
    private boolean stacked;

    EditFormGrid() {
        setHgap(GAP);
    }

    /** Shows these names, each before its field. */
    void show(List<Label> shownNames, List<Control> shownFields) {
        names.clear();
        names.addAll(shownNames);
        texts.clear();
        shownNames.forEach(name -> texts.add(name.getText()));
        fields.clear();
        fields.addAll(shownFields);
        place();
    }

    /**
     * The width the form has (its scroll pane's viewport): the layout is chosen by it, not by the grid's own width, which a
     * side-by-side layout holds at its minimum whatever the pane.
     */
    void fitTo(double available) {
        width = available;
        requestLayout();
    }

    /** Chosen at layout, once the names have their style and so their width: a name just made has none yet. */
    @Override
    protected void layoutChildren() {
        boolean narrow = needsStacking();
        if (narrow != stacked) {
            stacked = narrow;
            place();
        }
        if (stacked) {
            breakLongNames();
        }
        super.layoutChildren();
    }

    /** A name wider than a narrow pane goes on after a dot of its path on the next line, rather than end in "…". */
    private void breakLongNames() {
        double room = width - snappedLeftInset() - snappedRightInset();
        for (int row = 0; row < names.size(); row++) {
            Label name = names.get(row);
            String shown = room > 0 ? brokenAtDots(texts.get(row), name, room) : texts.get(row);
            if (!shown.equals(name.getText())) {
                name.setText(shown);
            }
        }
    }

    private static String brokenAtDots(String text, Label name, double room) {
        double inside = room - name.snappedLeftInset() - name.snappedRightInset();
        StringBuilder lines = new StringBuilder();
        String line = "";
        for (String part : text.split("(?<=\\.)")) {
            if (!line.isEmpty() && textWidth(line + part, name) > inside) {
                lines.append(line).append('\n');
                line = part;
            } else {
                line += part;
            }
        }
        return lines.append(line).toString();
    }

    private boolean needsStacking() {
        // measured unbroken: a name broken over two lines must not then find room beside its field
        double longest = 0;
        for (int row = 0; row < names.size(); row++) {
            Label name = names.get(row);
            longest = Math.max(longest, textWidth(texts.get(row), name) + name.snappedLeftInset() + name.snappedRightInset());
        }

        return width > 0 && width < snappedLeftInset() + longest + GAP + FIELD_MIN_WIDTH + snappedRightInset();
    }

    private void place() {
        getChildren().clear();
        getColumnConstraints().clear();
        setVgap(stacked ? 2 : 6);
        ColumnConstraints nameColumn = new ColumnConstraints();
        // a name's column never narrower than the longest name: no name is cut to "…"
        nameColumn.setMinWidth(stacked ? 0 : Region.USE_PREF_SIZE);
        nameColumn.setHgrow(stacked ? Priority.ALWAYS : Priority.NEVER);
        ColumnConstraints fieldColumn = new ColumnConstraints();
        fieldColumn.setHgrow(Priority.ALWAYS);
        getColumnConstraints().setAll(stacked ? List.of(nameColumn) : List.of(nameColumn, fieldColumn));
        for (int row = 0; row < names.size(); row++) {
            Label name = names.get(row);
            // a part of a name longer than the pane itself wraps where it must, rather than end in "…"
            name.setWrapText(stacked);
            name.setText(texts.get(row));
            name.setAccessibleText(texts.get(row));
            GridPane.setMargin(name, stacked && row > 0 ? NAME_OVER_FIELD : Insets.EMPTY);
            if (stacked) {
                add(name, 0, 2 * row);
                add(fields.get(row), 0, 2 * row + 1);
            } else {
                addRow(row, name, fields.get(row));
            }
        }
    }

    private static double textWidth(String text, Label name) {
        Text measure = new Text(text);
        measure.setFont(name.getFont());
        return measure.getLayoutBounds().getWidth();
    }
}
