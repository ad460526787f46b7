package dev.sessiondb.store;

import dev.sessiondb.model.SessionRecord;
import java.util.Iterator;
import java.util.Set;

/**
 * Changes applied to a store in one transaction: all of them, or none.
 *
 * @param replaceAll    when true, the store holds exactly {@code upserts} afterwards
 * @param upserts       records to insert or replace by key; read once, so a cursor over another store streams through
 * @param expectedCount how many upserts there are, for progress; -1 when unknown
 * @param deletes       keys to remove (ignored with replaceAll)
 */
public record WriteBatch(boolean replaceAll, Iterator<SessionRecord> upserts, long expectedCount, Set<String> deletes) {

    public WriteBatch {
        deletes = Set.copyOf(deletes);
    }

    public static WriteBatch replaceAll(Iterator<SessionRecord> records, long expectedCount) {
        return new WriteBatch(true, records, expectedCount, Set.of());
    }

    public static WriteBatch upsert(Iterator<SessionRecord> records, long expectedCount) {
        return new WriteBatch(false, records, expectedCount, Set.of());
    }

    /** The record written under its key, or the key deleted when there is no record. */
    public static WriteBatch of(String key, java.util.Optional<SessionRecord> record) {
        return record.map(present -> upsert(java.util.List.of(present).iterator(), 1)).orElseGet(() -> delete(Set.of(key)));
    }

    public static WriteBatch delete(Set<String> keys) {
        return new WriteBatch(false, java.util.Collections.emptyIterator(), 0, keys);
    }
}
