package dev.sessiondb.ui.wizard;

import dev.sessiondb.catalog.PastJob;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.StoreNames;
import dev.sessiondb.ui.common.UndoableCommand;
import java.util.Optional;
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
    /** A job run before this window showed the store is undone only after the user confirms. */
    private final boolean askFirst;
    /** The backup of the job's result that the last undo replaced; null while the result is in place. */
    private final AtomicReference<String> undoneResult = new AtomicReference<>();

    private JobUndoCommand(String description, BackupJournal journal, String backupId, boolean askFirst) {
        this.description = description;
        this.journal = journal;
        this.backupId = backupId;
        this.askFirst = askFirst;
    }

    /** @param action what the job did to the store ("migration into"), completed by the store's short name for the Undo button */
    public static JobUndoCommand of(String action, StoreLocator store, BackupJournal journal, String backupId) {
        return new JobUndoCommand(action + " " + StoreNames.shortName(store), journal, backupId, false);
    }

    /** A job of the history (an earlier run, or one from the command line), undone after confirmation. */
    public static JobUndoCommand ofPastJob(PastJob job, BackupJournal journal) {
        String store = job.target().map(locator -> StoreNames.shortName(StoreLocator.parse(locator))).orElse("");
        String description = switch (job.kind()) {
            case "migrate" -> "migration into " + store;
            case "consolidate" -> "consolidation into " + store;
            case "repair" -> "repair of " + store;
            default -> job.description();
        };
        return new JobUndoCommand(description, journal, job.backupId().orElseThrow(), true);
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

    /** One backup, one undo: the same job reached from the stack or from the History view is one command. */
    @Override
    public boolean equals(Object other) {
        return other instanceof JobUndoCommand command && command.backupId.equals(backupId) && command.journal.root().equals(journal.root());
    }

    @Override
    public int hashCode() {
        return backupId.hashCode();
    }

    @Override
    public Optional<String> confirmation() {
        return askFirst ? Optional.of("Undo the " + description + "? The store is put back as it was before that job; "
                + "its present state is backed up first, so this undo can itself be undone.") : Optional.empty();
    }
}
