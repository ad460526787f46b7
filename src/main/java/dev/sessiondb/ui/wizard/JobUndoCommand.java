package dev.sessiondb.ui.wizard;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.ui.common.UndoableCommand;

/**
 * A job that wrote to a store, kept on the undo stack: undo restores the backup the job took
 * before writing, through the job framework's journal (which backs up the present state first).
 */
public record JobUndoCommand(String description, BackupJournal journal, String backupId) implements UndoableCommand {

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
