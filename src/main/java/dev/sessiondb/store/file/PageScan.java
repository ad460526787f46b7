package dev.sessiondb.store.file;

import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A page of a query over records seen one at a time, with the reference semantics of
 * {@link SessionQuery#matches} and {@link SessionQuery#comparator}. Only the best
 * {@code offset + limit} records are held, never the whole store.
 */
public final class PageScan {

    private final SessionQuery query;
    private final Comparator<SessionRecord> order;
    private final long keep;
    /** The kept records, worst first, so the worst is the one evicted. */
    private final PriorityQueue<SessionRecord> best;
    private long matching;

    public PageScan(SessionQuery query) {
        this.query = query;
        this.order = query.comparator();
        this.keep = query.offset() + query.limit();
        this.best = new PriorityQueue<>(order.reversed());
    }

    public void offer(SessionRecord record) {
        if (!query.matches(record)) {
            return;
        }
        matching++;
        if (best.size() < keep) {
            best.add(record);
        } else if (keep > 0 && order.compare(record, best.peek()) < 0) {
            best.poll();
            best.add(record);
        }
    }

    public Page page() {
        List<SessionRecord> sorted = new ArrayList<>(best);
        sorted.sort(order);
        int from = (int) Math.min(query.offset(), sorted.size());
        return new Page(sorted.subList(from, sorted.size()), matching);
    }
}
