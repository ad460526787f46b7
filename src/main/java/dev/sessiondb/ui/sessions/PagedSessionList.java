package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.TaskExecutor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.ObservableListBase;

/**
 * The rows of one query, fetched a page at a time as the table asks for them. It has the size
 * of the whole result but holds only a bounded number of pages, so a million sessions open at
 * once. A row not fetched yet is a placeholder; when its page arrives the list reports the
 * rows as updated and the table redraws them. Pages are fetched one after another, newest
 * request first, and requests the user has scrolled far away from are dropped.
 */
public final class PagedSessionList extends ObservableListBase<SessionRow> {

    static final int PAGE_SIZE = 200;
    static final int MAX_CACHED_PAGES = 40;
    private static final int DROP_DISTANCE = 3;

    private final Function<SessionQuery, List<SessionRecord>> fetcher;
    private final SessionQuery query;
    private int size;
    private final TaskExecutor executor;
    private final Map<Integer, List<SessionRow>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<SessionRow>> eldest) {
            return size() > MAX_CACHED_PAGES;
        }
    };
    private final Deque<Integer> wanted = new ArrayDeque<>();
    private boolean fetching;

    /**
     * @param fetcher the records of a page, without counting every match (the list knows its size)
     * @param first the query's first page, already fetched; its total sets the list's size
     */
    public PagedSessionList(Function<SessionQuery, List<SessionRecord>> fetcher, SessionQuery query, Page first, TaskExecutor executor) {
        this.fetcher = fetcher;
        this.query = query;
        this.size = (int) Math.min(first.totalMatching(), Integer.MAX_VALUE);
        this.executor = executor;
        pages.put(0, rows(0, first.records()));
    }

    /**
     * The size once the query's matches are counted, for a list made from a first page fetched
     * without its count: the rows after that page appear, to be fetched as the table asks.
     */
    public void sizeTo(long total) {
        int counted = (int) Math.min(total, Integer.MAX_VALUE);
        if (counted <= size) {
            return;
        }
        int before = size;
        size = counted;
        beginChange();
        nextAdd(before, counted);
        endChange();
    }

    public static SessionQuery pageQuery(SessionQuery query, int page) {
        return query.page((long) page * PAGE_SIZE, PAGE_SIZE);
    }

    public SessionQuery query() {
        return query;
    }

    @Override
    public SessionRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int page = index / PAGE_SIZE;
        if (!pages.containsKey(page)) {
            request(page); // the page arrives later; with a synchronous executor (tests) it is here already
        }
        List<SessionRow> rows = pages.get(page);
        return rows != null && index - page * PAGE_SIZE < rows.size() ? rows.get(index - page * PAGE_SIZE) : SessionRow.loading(index);
    }

    @Override
    public int size() {
        return size;
    }

    /** How many pages are held now (never more than {@link #MAX_CACHED_PAGES}). */
    public int cachedPages() {
        return pages.size();
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
                .onFailure(failure -> fetching = false));
    }

    private void arrived(int page, List<SessionRecord> result) {
        fetching = false;
        pages.put(page, rows(page, result));
        int from = page * PAGE_SIZE;
        int to = Math.min(size, from + result.size());
        if (to > from) {
            beginChange();
            for (int index = from; index < to; index++) {
                nextUpdate(index);
            }
            endChange();
        }
        fetchNext();
    }

    private static List<SessionRow> rows(int page, List<SessionRecord> records) {
        long first = (long) page * PAGE_SIZE;
        List<SessionRow> rows = new java.util.ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            rows.add(new SessionRow(first + i, records.get(i)));
        }
        return rows;
    }
}
