package dev.sessiondb.ui.detail;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.SessionStore;
import java.util.Optional;

/** Deletes a record unless someone else changed it since it was read; undo writes the whole record back, unknown fields included. */
final class DeleteRecordCommand extends StoreEditCommand {

    private final SessionRecord record;

    DeleteRecordCommand(SessionStore store, BackupJournal journal, SessionRecord record) {
        super(store, journal);
        this.record = record;
    }

    /** As the history, the backups' index and the Undo button name it: the session masked, as every table shows it. */
    @Override
    public String description() {
        return "deletion of " + SecretMasker.shownKey(record.key());
    }

    @Override
    protected void apply() {
        store.writeIfUnchanged(record.key(), Optional.of(record), Optional.empty());
    }

    @Override
    protected void revert() {
        store.writeIfUnchanged(record.key(), Optional.empty(), Optional.of(record));
    }
}
