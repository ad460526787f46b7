package dev.sessiondb.ui.wizard;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.StoreNames;
import dev.sessiondb.ui.common.UndoableCommand;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A job that wrote to a store, kept on the undo stack. {@link #undo()} restores the backup the
 * job took before writing, through the journal, which backs up the state it replaces;
 * {@link #execute()} brings the job's result back from that backup. Before any undo the job's
 * result is already in place, so executing changes nothing: after {@code execute()} the store
 * always holds what the job wrote, after {@code undo()} what it held before.
 */
public final class JobUndoCommand implements UndoableCommand {

    private final String description;
    private final BackupJournal journal;
    private final String backupId;
    /** The backup of the job's result that the last undo replaced; null while the result is in place. */
    private final AtomicReference<String> undoneResult = new AtomicReference<>();

    public JobUndoCommand(String description, BackupJournal journal, String backupId) {
        this.description = description;
        this.journal = journal;
        this.backupId = backupId;
    }

    /** @param action what the job did to the store ("migration into"), completed by the store's short name for the Undo button */
    public static JobUndoCommand of(String action, StoreLocator store, BackupJournal journal, String backupId) {
        return new JobUndoCommand(action + " " + StoreNames.shortName(store), journal, backupId);
    }

    @Override
    public String description() {
        return description;
    }

    public String backupId() {
        return backupId;
    }

    @Override
    public void execute() {
        String result = undoneResult.getAndSet(null);
        if (result != null) {
            journal.restore(journal.require(result), ProgressMonitor.NONE);
        }
    }

    @Override
    public void undo() {
        undoneResult.set(journal.restore(journal.require(backupId), ProgressMonitor.NONE).id());
    }
}
