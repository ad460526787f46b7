package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.TaskExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The rows of one query, fetched a page at a time as they are asked for, shared by every
 * window of rows the table shows of it ({@link PagedSessionList}). It holds only a bounded
 * number of pages. Pages are fetched one after another, newest request first, and requests the
 * user has scrolled far away from are dropped. The window on screen hears of each page that
 * arrives and of the count that grows the result.
 */
final class QueryPages {

    static final int PAGE_SIZE = 200;
    /**
     * 2,000 rows, dozens of screens: each held record is a tree of objects that the collector
     * copies while it is young, and 40 pages made scrolling's longest pause 85-150 ms at 1M.
     */
    static final int MAX_CACHED_PAGES = 10;
    private static final int DROP_DISTANCE = 3;

    private final Function<SessionQuery, List<SessionRecord>> fetcher;
    private final SessionQuery query;
    private final TaskExecutor executor;
    private final Consumer<Exception> failed;
    private int size;
    private final Map<Integer, List<SessionRow>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<SessionRow>> eldest) {
            return size() > MAX_CACHED_PAGES;
        }
    };
    private final Deque<Integer> wanted = new ArrayDeque<>();
    private boolean fetching;
    private PagedSessionList shown;

    QueryPages(Function<SessionQuery, List<SessionRecord>> fetcher, SessionQuery query, long total,
            List<SessionRecord> firstPage, TaskExecutor executor, Consumer<Exception> failed) {
        this.fetcher = fetcher;
        this.query = query;
        this.size = (int) Math.min(total, Integer.MAX_VALUE);
        this.executor = executor;
        this.failed = failed;
        pages.put(0, rows(0, firstPage));
    }

    static SessionQuery pageQuery(SessionQuery query, int page) {
        return query.page((long) page * PAGE_SIZE, PAGE_SIZE);
    }

    SessionQuery query() {
        return query;
    }

    int size() {
        return size;
    }

    int cachedPages() {
        return pages.size();
    }

    /** The window that hears of arriving pages and of the size growing from now on. */
    void show(PagedSessionList window) {
        shown = window;
    }

    /** The row at {@code index} of the whole result, or a placeholder while its page is fetched. */
    SessionRow row(int index) {
        int page = index / PAGE_SIZE;
        if (!pages.containsKey(page)) {
            request(page); // the page arrives later; with a synchronous executor (tests) it is here already
        }
        List<SessionRow> rows = pages.get(page);
        return rows != null && index - page * PAGE_SIZE < rows.size() ? rows.get(index - page * PAGE_SIZE) : SessionRow.loading(index);
    }

    void sizeTo(long total) {
        int counted = (int) Math.min(total, Integer.MAX_VALUE);
        if (counted <= size) {
            return;
        }
        int before = shown == null ? 0 : shown.size();
        size = counted;
        if (shown != null) {
            shown.grewFrom(before);
        }
    }

    private void request(int page) {
        wanted.remove(page);
        wanted.addLast(page);
        if (!fetching) {
            fetchNext();
        }
    }

    private void fetchNext() {
        Integer latest = wanted.peekLast();
        while (!wanted.isEmpty() && Math.abs(wanted.peekFirst() - latest) > DROP_DISTANCE) {
            wanted.pollFirst();
        }
        Integer page = wanted.pollLast();
        if (page == null) {
            return;
        }
        fetching = true;
        executor.execute(BackgroundTask.of("Fetch sessions", monitor -> fetcher.apply(pageQuery(query, page)))
                .onSuccess(result -> arrived(page, result))
                .onFailure(failure -> {
                    fetching = false;
                    wanted.clear();
                    failed.accept(failure);
                }));
    }

    private void arrived(int page, List<SessionRecord> result) {
        fetching = false;
        pages.put(page, rows(page, result));
        int from = page * PAGE_SIZE;
        if (shown != null) {
            shown.rowsArrived(from, Math.min(size, from + result.size()));
        }
        fetchNext();
    }

    private static List<SessionRow> rows(int page, List<SessionRecord> records) {
        long first = (long) page * PAGE_SIZE;
        List<SessionRow> rows = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            rows.add(new SessionRow(first + i, records.get(i)));
        }
        return rows;
    }
}
