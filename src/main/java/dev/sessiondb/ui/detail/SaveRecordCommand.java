package dev.sessiondb.ui.detail;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.SessionStore;
import java.util.Optional;

/**
 * Saves an edited record unless someone else changed it since it was read; undo puts the
 * record back as it was, unless it changed again since the save.
 */
final class SaveRecordCommand extends StoreEditCommand {

    private final SessionRecord before;
    private final SessionRecord after;
    private Optional<SessionRecord> written = Optional.empty();

    SaveRecordCommand(SessionStore store, BackupJournal journal, SessionRecord before, SessionRecord after) {
        super(store, journal);
        this.before = before;
        this.after = after;
    }

    /** The session as the user's edit would have written it. */
    SessionRecord edited() {
        return after;
    }

    /** As the history, the backups' index and the Undo button name it: the session masked, as every table shows it. */
    @Override
    public String description() {
        return "edit of " + SecretMasker.shownKey(after.key());
    }

    @Override
    protected void apply() {
        written = store.writeIfUnchanged(before.key(), Optional.of(before), Optional.of(after));
    }

    @Override
    protected void revert() {
        store.writeIfUnchanged(before.key(), written, Optional.of(before));
    }
}
