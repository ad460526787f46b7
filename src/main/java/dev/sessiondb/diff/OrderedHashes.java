package dev.sessiondb.diff;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.HashCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoredHash;
import java.util.Optional;
import java.util.function.Function;

/**
 * One side of a diff: its records' hashes in key order, with a look at the next one. A key
 * that is not after the one before stops the diff with a clear message instead of a wrong
 * result.
 */
final class OrderedHashes implements AutoCloseable {

    private final String name;
    private final HashCursor cursor;
    private final Runnable taken;
    private final Function<String, Optional<SessionRecord>> fetch;
    private StoredHash next;
    private String previousKey;

    /**
     * @param name  the side, for messages
     * @param taken called for each hash taken, for progress
     * @param fetch a record by key, for a hash read without its record
     */
    OrderedHashes(String name, HashCursor cursor, Runnable taken, Function<String, Optional<SessionRecord>> fetch) {
        this.name = name;
        this.cursor = cursor;
        this.taken = taken;
        this.fetch = fetch;
    }

    /** A store's side: its records are fetched from it when its hashes come without them. */
    static OrderedHashes of(SessionStore store, HashCursor cursor, Runnable taken) {
        return new OrderedHashes(store.locator().display(), cursor, taken, store::get);
    }

    /** The next hash without taking it; null at the end. */
    StoredHash peek() {
        if (next == null && cursor.hasNext()) {
            next = cursor.next();
            KeyOrder.requireAfter(previousKey, next.key(), name);
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

    /** The record whose hash was read: from the text hashed when the cursor kept it, else fetched. */
    SessionRecord record(StoredHash hash) {
        if (hash.record() != null) {
            return hash.record().get();
        }
        return fetch.apply(hash.key()).orElseThrow(() -> new IllegalStateException(name + ": session " + hash.key()
                + " went away during the diff; run the diff again"));
    }

    @Override
    public void close() {
        cursor.close();
    }
}
