package dev.sessiondb.store;

import dev.sessiondb.model.SessionRecord;
import java.util.Optional;

/**
 * Writes of one record that refuse to overwrite a change made by someone else: the record in
 * the store is read again just before the write and compared with the one the edit started from.
 */
public final class GuardedWrites {

    private GuardedWrites() {
    }

    /**
     * Writes {@code replacement} if the store still holds {@code expected} under its key.
     *
     * @param expected what the edit started from; empty when the record was absent
     * @return the record as the store holds it after the write
     * @throws StaleRecordException when the store holds something else now
     */
    public static Optional<SessionRecord> replace(SessionStore store, String key, Optional<SessionRecord> expected, SessionRecord replacement) {
        requireUnchanged(store, key, expected);
        store.put(replacement);
        return store.get(key);
    }

    /** Deletes the record if the store still holds {@code expected}; refuses with both versions otherwise. */
    public static void delete(SessionStore store, SessionRecord expected) {
        requireUnchanged(store, expected.key(), Optional.of(expected));
        store.delete(expected.key());
    }

    private static void requireUnchanged(SessionStore store, String key, Optional<SessionRecord> expected) {
        Optional<SessionRecord> now = store.get(key);
        if (!now.equals(expected)) {
            throw new StaleRecordException(store.locator(), key, expected, now);
        }
    }
}
