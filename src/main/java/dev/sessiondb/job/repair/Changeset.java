package dev.sessiondb.job.repair;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.WriteBatch;
import java.util.List;
import java.util.Map;

/**
 * What a repair changes, record by record, and what it leaves to a person.
 *
 * @param changes         the records to write, in store order, registrations last
 * @param manualByCheck   per check, how many findings need a person (no automatic fix)
 */
public record Changeset(List<RecordChange> changes, Map<String, Long> manualByCheck) {

    public Changeset {
        changes = List.copyOf(changes);
        manualByCheck = Map.copyOf(manualByCheck);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public long updates() {
        return changes.stream().filter(change -> !change.isInsert()).count();
    }

    public long inserts() {
        return changes.stream().filter(RecordChange::isInsert).count();
    }

    public long manual() {
        return manualByCheck.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Writes every changed record in one transaction: all of them or, on failure or cancel, none. */
    public void applyTo(SessionStore store, ProgressMonitor monitor) {
        List<SessionRecord> records = changes.stream().map(RecordChange::after).toList();
        store.write(WriteBatch.upsert(records.iterator(), records.size()), monitor);
    }
}
