package dev.sessiondb.ui.wizard;

import dev.sessiondb.catalog.PastJob;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.StoreNames;
import dev.sessiondb.ui.common.UndoableCommand;
import java.util.Optional;

/**
 * A job that wrote to a store, kept on the undo stack: undo restores the backup the job took
 * before writing, through the job framework's journal (which backs up the present state first).
 *
 * @param askFirst a job run before this window showed the store is undone only after the user confirms
 */
public record JobUndoCommand(String description, BackupJournal journal, String backupId, boolean askFirst) implements UndoableCommand {

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

    /** The job already ran from its wizard, with its own progress; the stack only keeps it for undo. */
    @Override
    public void execute() {
        throw new UnsupportedOperationException("a job runs from its wizard; the undo stack only takes it back");
    }

    @Override
    public void undo() {
        journal.restore(journal.require(backupId), ProgressMonitor.NONE);
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
