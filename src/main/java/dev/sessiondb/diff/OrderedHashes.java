package dev.sessiondb.diff;

import dev.sessiondb.store.BinaryKeyOrder;
import dev.sessiondb.store.HashCursor;
import dev.sessiondb.store.StoredHash;

/**
 * One side of a diff: its records' hashes in key order, each with its record on demand, and a
 * look at the next one. A key that is not after the one before stops the diff with a clear
 * message instead of a wrong result.
 */
final class OrderedHashes implements AutoCloseable {

    private final String name;
    private final HashCursor cursor;
    private final Runnable taken;
    private StoredHash next;
    private String previousKey;

    /**
     * @param name   the side, for messages
     * @param cursor hashes that come with their records ({@link StoredHash#record})
     * @param taken  called for each hash taken, for progress
     */
    OrderedHashes(String name, HashCursor cursor, Runnable taken) {
        this.name = name;
        this.cursor = cursor;
        this.taken = taken;
    }

    /** The next hash without taking it; null at the end. */
    StoredHash peek() {
        if (next == null && cursor.hasNext()) {
            next = cursor.next();
            requireAfter(previousKey, next.key(), name);
            previousKey = next.key();
        }
        return next;
    }

    StoredHash next() {
        StoredHash hash = peek();
        next = null;
        taken.run();
        return hash;
    }

    /** Stops a diff whose store handed {@code key} after {@code previousKey} (null for the first): a clear message instead of a wrong result. */
    static void requireAfter(String previousKey, String key, String storeName) {
        if (previousKey != null && BinaryKeyOrder.compare(previousKey, key) >= 0) {
            throw new IllegalStateException(storeName + ": session " + key + " came after " + previousKey
                    + ", out of binary key order (a PostgreSQL database whose encoding is not UTF8?); diff it through an export to JSON");
        }
    }

    @Override
    public void close() {
        cursor.close();
    }
}
