package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.ui.common.TaskExecutor;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ObservableListBase;

/**
 * The rows a table shows of one query: a window of at most {@link #WINDOW_ROWS} rows of the
 * whole result, whose pages are fetched as the table asks for them ({@link QueryPages}). A row
 * not fetched yet is a placeholder; when its page arrives the list reports the rows as updated
 * and the table redraws them. A result no longer than a window is shown whole; a longer one is
 * shown a window at a time, moved by {@link ResultScrollBar}.
 */
public final class PagedSessionList extends ObservableListBase<SessionRow> {

    /**
     * The most rows one list holds. JavaFX 21's VirtualFlow adds up the height of every row above
     * the first one shown, several times each layout: at the bottom of a million rows that kept
     * the FX thread busy most of each scroll step.
     */
    public static final int WINDOW_ROWS = 10_000;

    private final QueryPages result;
    private final int start;

    /**
     * The first window of a query's result.
     *
     * @param fetcher the records of a page, without counting every match (the list knows its size)
     * @param first the query's first page, already fetched; its total sets the result's size
     * @param failed hears why a later page could not be fetched (its rows stay placeholders)
     */
    public PagedSessionList(Function<SessionQuery, List<SessionRecord>> fetcher, SessionQuery query, Page first, TaskExecutor executor,
                            Consumer<Exception> failed) {
        this(new QueryPages(fetcher, query, first.totalMatching(), first.records(), executor, failed), 0);
    }

    private PagedSessionList(QueryPages result, int start) {
        this.result = result;
        this.start = start;
        result.show(this);
    }

    /**
     * A window of the same result from row {@code from} (moved back so the window stays full),
     * sharing the pages fetched so far; it, not this one, hears of the pages that arrive from now on.
     */
    public PagedSessionList window(int from) {
        return new PagedSessionList(result, Math.max(0, Math.min(from, result.size() - WINDOW_ROWS)));
    }

    /** The index in the whole result of this window's first row. */
    public int start() {
        return start;
    }

    /** The rows of the whole result, counted or known so far. */
    public int resultSize() {
        return result.size();
    }

    /**
     * The size once the query's matches are counted, for a list made from a first page fetched
     * without its count: the rows after that page appear, to be fetched as the table asks.
     */
    public void sizeTo(long total) {
        result.sizeTo(total);
    }

    public SessionQuery query() {
        return result.query();
    }

    @Override
    public SessionRow get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        return result.row(start + index);
    }

    @Override
    public int size() {
        return Math.max(0, Math.min(WINDOW_ROWS, result.size() - start));
    }

    /** How many pages are held now (never more than {@link QueryPages#MAX_CACHED_PAGES}). */
    public int cachedPages() {
        return result.cachedPages();
    }

    void rowsArrived(int from, int to) {
        int first = Math.max(from, start) - start;
        int last = Math.min(to, start + size()) - start;
        if (last > first) {
            beginChange();
            for (int index = first; index < last; index++) {
                nextUpdate(index);
            }
            endChange();
        }
    }

    void grewFrom(int before) {
        if (size() > before) {
            beginChange();
            nextAdd(before, size());
            endChange();
        }
    }
}
