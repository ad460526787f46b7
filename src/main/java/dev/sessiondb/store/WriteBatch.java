package dev.sessiondb.store;

import dev.sessiondb.model.SessionRecord;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Changes applied to a store in one transaction: all of them, or none.
 *
 * @param replaceAll    when true, the store holds exactly {@code upserts} afterwards
 * @param upserts       records to insert or replace by key; read once, so a cursor over another store streams through
 * @param expectedCount how many upserts there are, for progress; -1 when unknown
 * @param deletes       keys to remove (ignored with replaceAll)
 * @param planned       the store's fingerprint when the writer planned (and backed it up): the store checks it again
 *                      under its write lock, before it writes anything ({@link #requireUnchanged}); empty: write whatever it holds
 */
public record WriteBatch(boolean replaceAll, Iterator<SessionRecord> upserts, long expectedCount, Set<String> deletes,
                         Optional<StoreFingerprint> planned) {

    public WriteBatch {
        deletes = Set.copyOf(deletes);
    }

    public WriteBatch(boolean replaceAll, Iterator<SessionRecord> upserts, long expectedCount, Set<String> deletes) {
        this(replaceAll, upserts, expectedCount, deletes, Optional.empty());
    }

    /**
     * This batch, written only if the store is still as {@code planned} saw it: another program's
     * write after the plan and its backup would otherwise be overwritten, in neither the store nor the backup.
     */
    public WriteBatch ifUnchangedSince(StoreFingerprint planned) {
        return new WriteBatch(replaceAll, upserts, expectedCount, deletes, Optional.of(planned));
    }

    /**
     * For a store holding its write lock, before it writes: refuses when it is not as the plan saw it.
     *
     * @throws StoreChangedException naming the store and what changed; nothing was written
     */
    public void requireUnchanged(StoreLocator store, Supplier<StoreFingerprint> current) {
        if (planned.isEmpty()) {
            return; // a fingerprint may read a whole folder: only a planned batch asks for one
        }
        StoreFingerprint now = current.get();
        planned.filter(then -> !then.equals(now)).ifPresent(then -> {
            throw new StoreChangedException(store.display() + ": another program wrote to the store after the plan (" + then.count()
                    + " records then, " + now.count() + " now); nothing was written; run the job again to plan over what it holds now");
        });
    }

    /** This batch with its records read from {@code records} instead (what a retry takes again). */
    public WriteBatch withUpserts(Iterator<SessionRecord> records) {
        return new WriteBatch(replaceAll, records, expectedCount, deletes, planned);
    }

    public static WriteBatch replaceAll(Iterator<SessionRecord> records, long expectedCount) {
        return new WriteBatch(true, records, expectedCount, Set.of());
    }

    public static WriteBatch upsert(Iterator<SessionRecord> records, long expectedCount) {
        return new WriteBatch(false, records, expectedCount, Set.of());
    }

    /** The record written under its key, or the key deleted when there is no record. */
    public static WriteBatch of(String key, Optional<SessionRecord> record) {
        return record.map(present -> upsert(List.of(present).iterator(), 1)).orElseGet(() -> delete(Set.of(key)));
    }

    public static WriteBatch delete(Set<String> keys) {
        return new WriteBatch(false, Collections.emptyIterator(), 0, keys);
    }
}
