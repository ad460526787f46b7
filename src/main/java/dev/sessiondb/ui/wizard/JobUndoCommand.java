package dev.sessiondb.ui.wizard;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.StoreNames;
import dev.sessiondb.ui.common.UndoableCommand;

/**
 * A job that wrote to a store, kept on the undo stack: undo restores the backup the job took
 * before writing, through the job framework's journal (which backs up the present state first).
 */
public record JobUndoCommand(String description, BackupJournal journal, String backupId) implements UndoableCommand {

    /** @param action what the job did to the store ("migration into"), completed by the store's short name for the Undo button */
    public static JobUndoCommand of(String action, StoreLocator store, BackupJournal journal, String backupId) {
        return new JobUndoCommand(action + " " + StoreNames.shortName(store), journal, backupId);
    }

    /** The job already ran from its wizard, with its own progress; the stack only keeps it for undo. */
    @Override
    public void execute() {
        throw new UnsupportedOperationException("a job runs from its wizard; the undo stack only takes it back");
    }

    @Override
    public void undo() {
        journal.restore(journal.require(backupId), ProgressMonitor.NONE);
    }
}
