package dev.sessiondb.ui.detail;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.GuardedWrites;
import dev.sessiondb.store.SessionStore;
import java.util.Optional;

/** Deletes a record unless someone else changed it since it was read; undo writes the whole record back, unknown fields included. */
final class DeleteRecordCommand extends StoreEditCommand {

    private final SessionRecord record;

    DeleteRecordCommand(SessionStore store, BackupJournal journal, SessionRecord record) {
        super(store, journal);
        this.record = record;
    }

    @Override
    public String description() {
        return "deletion of " + record.key();
    }

    @Override
    protected void apply() {
        GuardedWrites.delete(store, record);
    }

    @Override
    protected void revert() {
        GuardedWrites.replace(store, record.key(), Optional.empty(), record);
    }
}
