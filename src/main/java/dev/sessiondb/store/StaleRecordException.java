package dev.sessiondb.store;

import dev.sessiondb.model.SessionRecord;
import java.util.Optional;

/**
 * An edit or deletion was refused because the record changed in the store since it was read
 * (Minsky or another window wrote it): both versions travel with the refusal so the user sees them.
 */
public final class StaleRecordException extends StoreException {

    private final transient SessionRecord loaded;
    private final transient SessionRecord current;

    public StaleRecordException(StoreLocator store, String key, Optional<SessionRecord> loaded, Optional<SessionRecord> current) {
        super(store.display() + ": session " + key + (current.isPresent() ? " was changed" : " was deleted")
                + " by another program since it was read; nothing was written; reload the store, then edit again");
        this.loaded = loaded.orElse(null);
        this.current = current.orElse(null);
    }

    /** Refuses the edit unless the store holds {@code expected} now ({@code now}, read under the store's write lock). */
    public static void requireUnchanged(StoreLocator store, String key, Optional<SessionRecord> expected, Optional<SessionRecord> now) {
        if (!now.equals(expected)) {
            throw new StaleRecordException(store, key, expected, now);
        }
    }

    /** The record as it was read before the edit; empty when it was absent then. */
    public Optional<SessionRecord> loaded() {
        return Optional.ofNullable(loaded);
    }

    /** The record in the store now; empty when it was deleted. */
    public Optional<SessionRecord> current() {
        return Optional.ofNullable(current);
    }
}
