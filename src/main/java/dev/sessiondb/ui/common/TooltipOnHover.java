package dev.sessiondb.ui.common;

import java.util.function.Supplier;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A cell's tooltip, made when the pointer first enters the cell: a tooltip is a window with a scene of its own, and a table
 * makes dozens of cells whenever its rows change (in a table of a million sessions, 420 ms on the FX thread when they were
 * made with every cell). None while the text is empty.
 */
public final class TooltipOnHover {

    private final Control cell;
    private final Supplier<String> text;

    private TooltipOnHover(Control cell, Supplier<String> text) {
        this.cell = cell;
        this.text = text;
    }

    /** @param text what the tooltip shows, asked when the pointer enters the cell and after each {@link #refresh} */
    public static TooltipOnHover install(Control cell, Supplier<String> text) {
        TooltipOnHover tooltip = new TooltipOnHover(cell, text);
        cell.addEventHandler(MouseEvent.MOUSE_ENTERED, event -> tooltip.show());
        return tooltip;
    }

    /** After the cell's content changed: a tooltip made already follows it. */
    public void refresh() {
        if (cell.getTooltip() != null) {
            show();
        }
    }

    private void show() {
        String shown = text.get();
        if (shown == null || shown.isEmpty()) {
            cell.setTooltip(null);
            return;
        }
        if (cell.getTooltip() == null) {
            cell.setTooltip(new Tooltip());
        }
        cell.getTooltip().setText(shown);
    }
}
