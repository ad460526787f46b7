package dev.sessiondb.diff;

import dev.sessiondb.store.HashCursor;
import dev.sessiondb.store.ReadAhead;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoredHash;

/**
 * A store's stored hashes in key order, read ahead, with a look at the next one. A key that is
 * not after the one before stops the diff with a clear message instead of a wrong result.
 */
final class OrderedHashes implements AutoCloseable {

    private final SessionStore store;
    private final HashCursor cursor;
    private StoredHash next;
    private String previousKey;

    OrderedHashes(SessionStore store) {
        this.store = store;
        this.cursor = ReadAhead.hashes(store.hashes());
    }

    /** The next hash without taking it; null at the end. */
    StoredHash peek() {
        if (next == null && cursor.hasNext()) {
            next = cursor.next();
            if (previousKey != null && KeyOrder.compare(previousKey, next.key()) >= 0) {
                throw new IllegalStateException(store.locator().display() + ": session " + next.key() + " came after " + previousKey
                        + ", out of binary key order (a PostgreSQL database whose encoding is not UTF8?); diff it through an export to JSON");
            }
            previousKey = next.key();
        }
        return next;
    }

    StoredHash next() {
        StoredHash taken = peek();
        next = null;
        return taken;
    }

    @Override
    public void close() {
        cursor.close();
    }
}
