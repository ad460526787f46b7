package dev.sessiondb.ui.detail;

import dev.sessiondb.ui.common.BreakableText;
import dev.sessiondb.ui.common.TooltipOnHover;
import java.util.Collections;
import javafx.application.Platform;
import javafx.scene.control.TreeTableCell;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;

/**
 * A field's name or value in the detail tree, wrapped at its column's width so that a narrow pane shows it rather than "…",
 * a long word broken where a reader expects ({@link BreakableText});
 * a long value (a prompt, a pull request's body) is cut after {@link #MOST_LINES} lines, whole in its tooltip and with Ctrl+C.
 */
final class FieldTextCell extends TreeTableCell<FieldNode, String> {

    private static final int MOST_LINES = 5;
    /** A text shorter than this fits a line of the widest pane: no tooltip for it. */
    private static final int LONG_VALUE = 24;

    private final TooltipOnHover wholeValue = TooltipOnHover.install(this, () -> getItem() != null && getItem().length() >= LONG_VALUE ? getItem() : null);

    FieldTextCell() {
        setWrapText(true);
        // a column made wider or narrower wraps the text again: measured anew after the layout that gave the width
        widthProperty().addListener((property, before, after) -> Platform.runLater(this::requestLayout));
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        setText(empty ? null : BreakableText.shown(text));
        setAccessibleText(empty ? null : text);
        wholeValue.refresh();
    }

    /**
     * The text's height wrapped at its column's width, at most {@link #MOST_LINES} lines: the row asks with no width, which
     * a wrapped text answers with one line.
     */
    @Override
    protected double computePrefHeight(double width) {
        double columnWidth = width >= 0 || getTableColumn() == null ? width : getTableColumn().getWidth();
        return Math.min(super.computePrefHeight(columnWidth), snappedTopInset() + mostLinesHeight() + snappedBottomInset());
    }

    /** The height of {@link #MOST_LINES} lines as the cell lays its text out. */
    private double mostLinesHeight() {
        Text lines = new Text(String.join("\n", Collections.nCopies(MOST_LINES, "X")));
        lines.setFont(getFont());
        lines.setLineSpacing(getLineSpacing());
        lines.setBoundsType(TextBoundsType.LOGICAL_VERTICAL_CENTER);
        return Math.ceil(lines.getLayoutBounds().getHeight());
    }
}
