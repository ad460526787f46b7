package dev.sessiondb.diff;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.ReadAhead;
import dev.sessiondb.store.SessionStore;
import java.util.NoSuchElementException;

/**
 * The records of a store whose cursor is in key order, read ahead on a thread of its own and
 * merged as they come, without the sort a file store's records need. A key that is not after
 * the one before stops the diff with a clear message instead of a wrong result.
 */
final class StoreOrderedRecords implements KeyOrderedRecords {

    private final String storeName;
    private final RecordCursor cursor;
    private final Runnable read;
    private final ProgressMonitor monitor;
    private SessionRecord next;
    private String previousKey;

    /** @param read called for each record taken, for progress */
    StoreOrderedRecords(SessionStore store, Runnable read, ProgressMonitor monitor) {
        this.storeName = store.locator().display();
        this.read = read;
        this.monitor = monitor;
        this.cursor = ReadAhead.records(store.cursor());
    }

    @Override
    public String peekKey() {
        return hasNext() ? next.key() : null;
    }

    @Override
    public boolean hasNext() {
        if (next == null && cursor.hasNext()) {
            monitor.checkCancelled();
            next = cursor.next();
            KeyOrder.requireAfter(previousKey, next.key(), storeName);
            previousKey = next.key();
        }
        return next != null;
    }

    @Override
    public SessionRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SessionRecord taken = next;
        next = null;
        read.run();
        return taken;
    }

    @Override
    public void close() {
        cursor.close();
    }
}
