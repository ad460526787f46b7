package dev.sessiondb.ui.common;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * A table's column resize policy: the columns keep their own widths and the table scrolls sideways when they do not
 * fit, as with {@link TableView#UNCONSTRAINED_RESIZE_POLICY}, and a table wider than their sum gives the free width to
 * the columns with a share of it, so no empty strip is left at its right. A column the user drags keeps the width given
 * to it and takes no share from then on. JavaFX calls a policy when the table's width, its vertical bar or its visible
 * columns change and when a column is dragged, never while it scrolls; the widths are sums, no cell is measured.
 */
public final class FillWidthResizePolicy implements Callback<TableView.ResizeFeatures, Boolean> {

    private final ToIntFunction<TableColumn<?, ?>> share;
    /** The widths of the columns with a share, without it: the width they had before any was given. */
    private final Map<TableColumn<?, ?>, Double> ownWidths = new HashMap<>();
    private final Set<TableColumn<?, ?>> draggedByUser = new HashSet<>();

    /** @param share how many parts of the free width a column takes (0: it keeps its own width) */
    public FillWidthResizePolicy(ToIntFunction<TableColumn<?, ?>> share) {
        this.share = share;
    }

    @Override
    public Boolean call(TableView.ResizeFeatures features) {
        TableColumn<?, ?> dragged = features.getColumn();
        boolean resizedAsAsked = true;
        if (dragged != null) {
            draggedByUser.add(dragged);
            resizedAsAsked = TableView.UNCONSTRAINED_RESIZE_POLICY.call(features);
        }
        fill(features.getTable().getVisibleLeafColumns(), features.getContentWidth());
        return resizedAsAsked;
    }

    private void fill(List<? extends TableColumn<?, ?>> shown, double contentWidth) {
        double ownWidthsSum = 0;
        int shares = 0;
        for (TableColumn<?, ?> column : shown) {
            if (takesAShare(column)) {
                ownWidthsSum += ownWidths.computeIfAbsent(column, TableColumn::getPrefWidth);
                shares += share.applyAsInt(column);
            } else {
                ownWidthsSum += column.getWidth();
            }
        }
        // whole pixels: a column a fraction too wide would bring the horizontal bar
        double free = contentWidth > 0 ? Math.max(0, Math.floor(contentWidth - ownWidthsSum)) : 0;
        double given = 0;
        int sharesGiven = 0;
        for (TableColumn<?, ?> column : shown) {
            if (takesAShare(column)) {
                // rounded as a running sum, so the last column ends at the table's edge, not a few pixels short
                sharesGiven += share.applyAsInt(column);
                double givenUpToHere = Math.floor(free * sharesGiven / shares);
                column.setPrefWidth(ownWidths.get(column) + givenUpToHere - given);
                given = givenUpToHere;
            }
        }
    }

    private boolean takesAShare(TableColumn<?, ?> column) {
        return share.applyAsInt(column) > 0 && !draggedByUser.contains(column);
    }
}
