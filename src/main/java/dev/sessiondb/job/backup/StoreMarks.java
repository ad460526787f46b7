package dev.sessiondb.job.backup;

import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The change marks the journal records of the stores its runs back up, for undo to tell a later write. Each backed-up store
 * is kept as its run opened it, by backup id, until its report is saved or its run ends otherwise: a backup's manifest and a
 * report name the store without its password, with which a server that asks for one refuses the mark.
 */
final class StoreMarks {

    private final Map<String, StoreLocator> backedUp = new ConcurrentHashMap<>();

    /** The store's change mark, to tell a later write by anyone; none for a store without one or one that cannot be looked at. */
    static Optional<String> of(StoreLocator store) {
        try {
            return StoreProviders.of(store).changeMark(store);
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // undo then says it could not check
        }
    }

    void backedUp(String backupId, StoreLocator store) {
        backedUp.put(backupId, store);
    }

    /** The mark of the store a saved report's backup was taken of, through the store as its run opened it when it is known. */
    Optional<String> afterReport(String backupId, Optional<String> reportTarget) {
        return Optional.ofNullable(backedUp.remove(backupId)).or(() -> reportTarget.map(StoreLocator::parse)).flatMap(StoreMarks::of);
    }

    /** A run ended without a saved report: its stores are no longer needed. */
    void runEnded(String runId) {
        backedUp.keySet().removeIf(backup -> backup.startsWith(runId + "-"));
    }
}
