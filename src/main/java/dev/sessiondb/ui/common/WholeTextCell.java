package dev.sessiondb.ui.common;

import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A text cell that shows its whole text as a tooltip, for values cut off by the column's width.
 * The tooltip is made when the pointer first enters the cell: a tooltip is a window with a scene
 * of its own, and a table makes dozens of cells whenever its rows change (in a table of a million
 * sessions, 420 ms on the FX thread when they were made with every cell).
 */
public class WholeTextCell<S> extends TableCell<S, String> {

    public WholeTextCell() {
        // a column added later (Columns, a field's path) drew its text at the top of the row without it
        setAlignment(Pos.CENTER_LEFT);
        addEventHandler(MouseEvent.MOUSE_ENTERED, event -> showWholeText());
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        setText(empty ? null : text);
        if (getTooltip() != null) {
            showWholeText();
        }
    }

    /** What the tooltip shows: the cell's text; a cell that shortens its value shows the value in full. */
    protected String wholeText() {
        return getText();
    }

    private void showWholeText() {
        String text = wholeText();
        if (text == null || text.isEmpty()) {
            setTooltip(null);
            return;
        }
        if (getTooltip() == null) {
            setTooltip(new Tooltip());
        }
        getTooltip().setText(text);
    }
}
