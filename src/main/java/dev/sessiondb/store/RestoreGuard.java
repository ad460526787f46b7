package dev.sessiondb.store;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * How the store looked when undo backed it up, for the restore to compare once it holds the
 * store: another program's write since would be in neither the store nor any backup if the
 * restore went on.
 *
 * @param mark        the provider's change mark of the store's files ({@link StoreProvider#changeMark}), when it has one
 * @param fingerprint the open store's fingerprint, when it existed: a restore that writes records checks it under the store's write lock
 */
public record RestoreGuard(StoreLocator store, Optional<String> mark, Optional<StoreFingerprint> fingerprint) {

    /** No comparison: the restore writes whatever the store holds. */
    public static RestoreGuard none(StoreLocator store) {
        return new RestoreGuard(store, Optional.empty(), Optional.empty());
    }

    /**
     * For a provider holding the store's lock, immediately before it replaces the store.
     *
     * @throws StoreChangedException when the store's mark now differs; nothing was replaced
     */
    public void requireMark(Supplier<String> now) {
        // looked at only when there is a mark to compare with: a folder's mark reads every entry
        mark.filter(then -> !then.equals(now.get())).ifPresent(then -> {
            throw new StoreChangedException(store.display() + ": another program wrote to the store while it was being restored");
        });
    }

    /** A batch written only if the store is still as the fingerprint saw it, checked under its write lock. */
    public WriteBatch guard(WriteBatch batch) {
        return fingerprint.map(batch::ifUnchangedSince).orElse(batch);
    }
}
