package dev.sessiondb.ui.detail;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.SessionStore;

/** Saves an edited record; undo puts the record back as it was. */
final class SaveRecordCommand extends StoreEditCommand {

    private final SessionRecord before;
    private final SessionRecord after;

    SaveRecordCommand(SessionStore store, BackupJournal journal, SessionRecord before, SessionRecord after) {
        super(store, journal);
        this.before = before;
        this.after = after;
    }

    @Override
    public String description() {
        return "edit of " + after.key();
    }

    @Override
    protected void apply() {
        store.put(after);
    }

    @Override
    protected void revert() {
        store.put(before);
    }
}
