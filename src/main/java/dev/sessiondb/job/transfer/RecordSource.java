package dev.sessiondb.job.transfer;

import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;

/** Records a job writes, readable more than once: once to plan, once to write, once to verify. */
public interface RecordSource {

    RecordCursor open();

    /** How many records {@link #open()} yields. */
    long count();

    /** {@link #count()} when known without reading the records, else -1: a progress total that costs no pass of its own. */
    default long expectedCount() {
        return count();
    }

    /**
     * Every record of an open store, in its cursor order, read to be copied ({@link SessionStore#cursorForCopying});
     * a failure of the read names the store as the source ({@link SourceReadException}).
     */
    static RecordSource of(SessionStore store) {
        String source = store.locator().display();
        return new RecordSource() {
            @Override
            public RecordCursor open() {
                return SourceReadException.marking(source, SourceReadException.reading(source, store::cursorForCopying));
            }

            @Override
            public long count() {
                return SourceReadException.reading(source, store::count);
            }

            @Override
            public long expectedCount() {
                return store.knownCount().orElse(-1);
            }
        };
    }
}
