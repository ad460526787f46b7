package dev.sessiondb.ui.detail;

import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.RunIds;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.ui.common.UndoableCommand;

/**
 * A change to one record of a store. Like every job, it backs the store up into the backup
 * journal before writing (so {@code sessiondb undo} can also take it back); the in-app undo
 * then writes the record's earlier state back, which is quick even for a large store.
 */
abstract class StoreEditCommand implements UndoableCommand {

    protected final SessionStore store;
    private final BackupJournal journal;
    private Backup backup;

    StoreEditCommand(SessionStore store, BackupJournal journal) {
        this.store = store;
        this.journal = journal;
    }

    @Override
    public final void execute() {
        backup = journal.backUp(RunIds.newRunId("edit"), store.locator(), description(), ProgressMonitor.NONE);
        apply();
    }

    @Override
    public final void undo() {
        Backup replaced = journal.backUp(RunIds.newRunId("edit-undo"), store.locator(), "undo " + description(), ProgressMonitor.NONE);
        revert();
        journal.recordRevert(backup, replaced);
    }

    protected abstract void apply();

    protected abstract void revert();
}
