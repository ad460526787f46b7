package dev.sessiondb.ui.sessions;

import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Orientation;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The sessions table's vertical scroll bar when the result is longer than one window of rows
 * ({@link PagedSessionList#WINDOW_ROWS}): it stands for the whole result, and when the user
 * scrolls near the edge of the rows the table holds, or past them, the table gets the window
 * around the rows wanted, keeping the selection. Wheel, keys and the table's own scrolling move
 * this bar too; Home and End go to the result's ends. The table's own bar is hidden meanwhile
 * (style class {@code windowed}, app.css). A result that fits one window leaves the table as
 * it is and this bar hidden.
 */
final class ResultScrollBar extends ScrollBar {

    /** Rows from a window's edge at which it moves: far more than a screenful or a page fetched ahead. */
    static final int EDGE_ROWS = PagedSessionList.WINDOW_ROWS / 5;
    private static final String WINDOWED = "windowed";
    /** The thumb is at least this part of the track: one screenful of a million rows would be too thin to grab. */
    private static final int SMALLEST_THUMB_PARTS = 30;

    private final TableView<SessionRow> table;
    private final Consumer<PagedSessionList> showWindow;
    private VirtualFlow<?> flow;
    private boolean following; // the bar is set from the table's position: not a scroll by the user
    private boolean moveAsked;
    private boolean moving; // the table is between two windows: its position and selection are not the user's
    /** The rows the user selected, as indices of the whole result: kept while they are outside the window. */
    private List<Long> selected = List.of();

    /** @param showWindow gives the table another window of the same result, as it gives it a new result */
    ResultScrollBar(TableView<SessionRow> table, Consumer<PagedSessionList> showWindow) {
        this.table = table;
        this.showWindow = showWindow;
        setId("sessions-scroll");
        setOrientation(Orientation.VERTICAL);
        setAccessibleText("Position in the sessions shown");
        setUnitIncrement(1);
        setMinWidth(USE_PREF_SIZE); // beside a table wider than the view, which shrinks instead
        managedProperty().bind(visibleProperty());
        setVisible(false);
        valueProperty().addListener((property, before, value) -> {
            if (!following) {
                scrollTo(value.intValue());
            }
        });
        table.itemsProperty().addListener((property, before, rows) -> {
            rows.addListener((InvalidationListener) changed -> fit());
            fit();
        });
        table.skinProperty().addListener((property, before, skin) -> {
            flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            if (flow != null) {
                flow.positionProperty().addListener((position, was, now) -> follow());
                flow.heightProperty().addListener((height, was, now) -> fit());
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::toResultEnd);
        table.getSelectionModel().getSelectedItems().addListener((InvalidationListener) changed -> {
            if (!moving) {
                selected = table.getSelectionModel().getSelectedItems().stream().map(SessionRow::index).toList();
            }
        });
    }

    /** The table's rows when they are a window of a longer result, else null. */
    private PagedSessionList window() {
        return table.getItems() instanceof PagedSessionList rows && rows.resultSize() > PagedSessionList.WINDOW_ROWS ? rows : null;
    }

    private void fit() {
        PagedSessionList rows = window();
        setVisible(rows != null);
        if (rows == null) {
            table.getStyleClass().remove(WINDOWED);
            return;
        }
        if (!table.getStyleClass().contains(WINDOWED)) {
            table.getStyleClass().add(WINDOWED);
        }
        int screenful = rowsOnScreen();
        setMax(Math.max(0, rows.resultSize() - screenful));
        setVisibleAmount(Math.max(screenful, getMax() / SMALLEST_THUMB_PARTS));
        setBlockIncrement(screenful);
        follow();
    }

    private int rowsOnScreen() {
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        return first == null || last == null ? 1 : Math.max(1, last.getIndex() - first.getIndex() + 1);
    }

    /** The bar follows the table; near a window's edge the table gets the window around its rows. */
    private void follow() {
        PagedSessionList rows = window();
        if (rows == null || flow == null || moving) {
            return;
        }
        // rows have a fixed height, so the position maps linearly onto the rows above the first one shown
        int top = (int) Math.round(flow.getPosition() * Math.max(0, rows.size() - rowsOnScreen()));
        following = true;
        setValue(Math.min(getMax(), rows.start() + top));
        following = false;
        if (nearEdge(rows, top) && !moveAsked) {
            moveAsked = true; // not in the middle of the table's layout
            Platform.runLater(() -> {
                moveAsked = false;
                PagedSessionList now = window();
                if (now != null) {
                    moveTo(now, (int) getValue());
                }
            });
        }
    }

    /** The user moved the bar: the table shows that row at its top. */
    private void scrollTo(int top) {
        PagedSessionList rows = window();
        if (rows != null) {
            moveTo(rows, top);
        }
    }

    private void moveTo(PagedSessionList rows, int top) {
        if (!nearEdge(rows, top - rows.start())) {
            table.scrollTo(top - rows.start());
            return;
        }
        moving = true;
        try {
            PagedSessionList shown = showAround(rows, top);
            table.scrollTo(top - shown.start());
        } finally {
            moving = false;
        }
        follow();
    }

    /** Whether a top row this far into the window is near an edge the window can move past. */
    private static boolean nearEdge(PagedSessionList rows, int top) {
        return (top < EDGE_ROWS && rows.start() > 0)
                || (top > rows.size() - EDGE_ROWS && rows.start() + rows.size() < rows.resultSize());
    }

    /** Home and End go to the ends of the whole result: the window there first, then the table's own move. */
    private void toResultEnd(KeyEvent key) {
        PagedSessionList rows = window();
        if (rows != null && (key.getCode() == KeyCode.HOME && rows.start() > 0
                || key.getCode() == KeyCode.END && rows.start() + rows.size() < rows.resultSize())) {
            moving = true;
            try {
                showAround(rows, key.getCode() == KeyCode.HOME ? 0 : rows.resultSize());
            } finally {
                moving = false;
            }
        }
    }

    /**
     * Gives the table the window centred on {@code top}, with the selected rows in it selected and
     * the focused one focused; called while {@code moving}.
     */
    private PagedSessionList showAround(PagedSessionList rows, int top) {
        SessionRow focused = table.getFocusModel().getFocusedItem();
        PagedSessionList moved = rows.window(top - PagedSessionList.WINDOW_ROWS / 2);
        showWindow.accept(moved);
        for (long index : selected) {
            if (index >= moved.start() && index < moved.start() + moved.size()) {
                table.getSelectionModel().select((int) (index - moved.start()));
            }
        }
        if (focused != null && focused.index() >= moved.start() && focused.index() < moved.start() + moved.size()) {
            table.getFocusModel().focus((int) (focused.index() - moved.start()));
        }
        return moved;
    }
}
