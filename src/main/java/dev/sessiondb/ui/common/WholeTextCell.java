package dev.sessiondb.ui.common;

import javafx.geometry.Pos;
import javafx.scene.control.TableCell;

/**
 * A text cell that shows its whole text as a tooltip, for values cut off by the column's width; the tooltip is made when the
 * pointer first enters the cell ({@link TooltipOnHover}).
 */
public class WholeTextCell<S> extends TableCell<S, String> {

    private final TooltipOnHover wholeTextTip = TooltipOnHover.install(this, this::wholeText);

    public WholeTextCell() {
        // a column added later (Columns, a field's path) drew its text at the top of the row without it
        setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        setText(empty ? null : text);
        wholeTextTip.refresh();
    }

    /** What the tooltip shows: the cell's text; a cell that shortens its value shows the value in full. */
    protected String wholeText() {
        return getText();
    }
}
