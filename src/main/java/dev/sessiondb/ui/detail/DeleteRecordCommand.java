package dev.sessiondb.ui.detail;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.SessionStore;

/** Deletes a record; undo writes the whole record back, unknown fields included. */
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
        store.delete(record.key());
    }

    @Override
    protected void revert() {
        store.put(record);
    }
}
