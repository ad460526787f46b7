package dev.sessiondb.ui.diff;

import dev.sessiondb.diff.LongTextDifference;
import dev.sessiondb.diff.UnseenText;
import dev.sessiondb.ui.common.WrappedTextCell;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One side's value in the side-by-side table, wrapped at its column's width: cut to "…", two times or paths that differ at
 * their ends read alike. A long value that changed shows where it parts first (at character
 * 150,001 of 300,000) and then the few characters around the difference with the differing ones highlighted, wrapped
 * to the column's width: on one cut line the place was past the edge. A long value also offers its whole text,
 * masked as the cell is, in a window of its own, and one that changed in several places every place.
 */
final class ValueCell extends WrappedTextCell<FieldRow> {

    private final boolean sideA;
    private final String header;

    /**
     * @param sideA  whether this column shows the first record's values
     * @param header the column's title ("A", "In the store now"), to name the side in the whole value's window
     */
    ValueCell(boolean sideA, String header) {
        this.sideA = sideA;
        this.header = header;
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        FieldRow row = empty || getIndex() < 0 || getIndex() >= getTableView().getItems().size() ? null : getTableView().getItems().get(getIndex());
        String whole = row == null ? null : sideA ? row.wholeA() : row.wholeB();
        boolean openable = whole != null && (row.parting() != null || whole.length() > LongTextDifference.LIMIT);
        if (!openable) {
            setGraphic(null);
            setContentDisplay(ContentDisplay.LEFT);
            return;
        }
        VBox shown = new VBox(2);
        if (row.parting() != null) {
            shown.getChildren().addAll(where(row), around(row.parting()));
        } else {
            Label start = new Label(text);
            start.setMaxWidth(Double.MAX_VALUE);
            shown.getChildren().add(start);
        }
        shown.getChildren().add(row.places() == null ? opener(row, whole) : new HBox(8, opener(row, whole), placesOpener(row)));
        setText(null); // the cut line would set the row's height as well as the graphic
        setGraphic(shown);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    /**
     * As tall as what the cell shows at its column's width. The row asks its cells' height at no width (-1), which the
     * cell's skin passes on to the graphic less the padding, a width below zero: the wrapped lines then counted about one
     * character each, and a long value's row stood a thousand pixels tall with where it differs below the fold.
     */
    @Override
    protected double computePrefHeight(double width) {
        Node shown = getGraphic();
        if (shown == null) {
            return super.computePrefHeight(width);
        }
        double inside = (width < 0 ? getTableColumn().getWidth() : width) - snappedLeftInset() - snappedRightInset();
        return snappedTopInset() + shown.prefHeight(inside) + snappedBottomInset();
    }

    /** The tooltip says where the values part and how to see all of this one. */
    @Override
    protected String wholeText() {
        return getGraphic() == null ? getItem() : getItem() + "\n(open the whole value with the link below it)";
    }

    private Label where(FieldRow row) {
        LongTextDifference.Parting parting = row.parting();
        Label where = new Label(row.places() == null ? "Differs " + parting.where()
                : String.format(Locale.ROOT, "Differs in %,d places, the first %s", row.places().places().size(), parting.where()));
        where.getStyleClass().add("diff-where");
        where.setWrapText(true);
        where.prefWidthProperty().bind(getTableColumn().widthProperty().subtract(16));
        return where;
    }

    private TextFlow around(LongTextDifference.Parting parting) {
        Text middle = new Text(UnseenText.escaped(sideA ? parting.middleA() : parting.middleB()));
        middle.getStyleClass().add("diff-part");
        TextFlow around = new TextFlow(plain(parting.before()), plain("["), middle, plain("]"), plain(parting.after()));
        around.getStyleClass().add("diff-around");
        // a text flow wraps only at a width it is given: the column's, less the cell's padding
        around.prefWidthProperty().bind(getTableColumn().widthProperty().subtract(16));
        around.setAccessibleText("the difference in context, highlighted: " + middle.getText());
        return around;
    }

    private static Text plain(String text) {
        Text plain = new Text(UnseenText.escaped(text));
        plain.getStyleClass().add("diff-context");
        return plain;
    }

    /** Opens every place the two values differ, when they differ in several. */
    private Hyperlink placesOpener(FieldRow row) {
        Hyperlink open = new Hyperlink(String.format(Locale.ROOT, "All %,d places…", row.places().places().size()));
        open.getStyleClass().add("diff-open-places");
        open.setAccessibleText("Open every place " + row.path() + " differs");
        open.setOnAction(event -> PlacesWindow.show(getScene().getWindow(), row.path(), row.places()));
        return open;
    }

    private Hyperlink opener(FieldRow row, String whole) {
        int characters = whole.codePointCount(0, whole.length());
        Hyperlink open = new Hyperlink("Whole value…");
        open.setTooltip(new Tooltip(String.format(Locale.ROOT, "All %,d characters, read-only", characters)));
        open.getStyleClass().add("diff-open-whole");
        open.setAccessibleText("Open the whole value of " + row.path() + " in " + header);
        LongTextDifference.Parting parting = row.parting();
        open.setOnAction(event -> WholeValueWindow.show(getScene().getWindow(), row.path() + " in " + header, whole,
                parting == null ? 0 : parting.start(), parting == null ? 0 : sideA ? parting.endA() : parting.endB()));
        return open;
    }
}
