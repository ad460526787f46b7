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

    private final String storeName;
    private final HashCursor cursor;
    private StoredHash next;
    private String previousKey;

    OrderedHashes(SessionStore store) {
        this.storeName = store.locator().display();
        this.cursor = ReadAhead.hashes(store.hashes());
    }

    /** The next hash without taking it; null at the end. */
    StoredHash peek() {
        if (next == null && cursor.hasNext()) {
            next = cursor.next();
            KeyOrder.requireAfter(previousKey, next.key(), storeName);
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
