package dev.sessiondb.store;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ReadTotal;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every record of a store, one at a time, in constant memory. Close it to release the file
 * or connection it reads from.
 */
public interface RecordCursor extends Iterator<SessionRecord>, AutoCloseable {

    @Override
    void close();

    /**
     * How many records this cursor yields in all, as far as its reading tells ({@link ReadTotal}): for a progress total
     * where the store cannot say before it is read. Asked from another thread than the one reading.
     */
    default ReadTotal readTotal() {
        return ReadTotal.UNKNOWN;
    }

    /** The same records, each handed to {@code onEach} before it is returned (which may throw to stop the reading). */
    static RecordCursor peeking(RecordCursor cursor, Consumer<SessionRecord> onEach) {
        return new PeekingCursor(cursor, onEach);
    }

    /** The records {@code kept} accepts, in order; the others are read past. */
    static RecordCursor filtering(RecordCursor cursor, Predicate<SessionRecord> kept) {
        return new PrefetchingCursor() {
            @Override
            protected SessionRecord fetch() {
                while (cursor.hasNext()) {
                    SessionRecord record = cursor.next();
                    if (kept.test(record)) {
                        return record;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }
}
