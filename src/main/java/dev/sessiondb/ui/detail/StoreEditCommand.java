package dev.sessiondb.ui.detail;

import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StaleRecordException;
import dev.sessiondb.store.StoreFingerprint;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.UndoableCommand;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A change to one record of a store. Like every job, it runs as a run of the history: it backs the store up into
 * the backup journal before writing (so {@code sessiondb undo} can also take it back) and ends with the store's
 * change mark after its write, so an undo from the history tells a later write by another program. The in-app undo
 * then writes the record's earlier state back, which is quick even for a large store. A write refused because the
 * record changed meanwhile wrote nothing: its backup goes and its run ends refused, so nothing offers to undo it.
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
        JobReport.Builder run = journal.startRun("edit", description(), List.of(), store.locator());
        Backup taken = backUpAndWrite(run.runId(), description(), this::apply);
        journal.saveReport(run.backupId(taken.id()).build());
        backup = taken;
    }

    @Override
    public final void undo() {
        String reason = "undo " + description();
        JobReport.Builder run = journal.startRun("edit-undo", reason, List.of(), store.locator());
        journal.recordRevert(backup, backUpAndWrite(run.runId(), reason, this::revert));
    }

    @Override
    public final Optional<StoreLocator> storeUndoWrites() {
        return Optional.of(store.locator());
    }

    /** Backs the store up for run {@code runId}, then writes; a write that changed nothing discards the backup and ends the run. */
    private Backup backUpAndWrite(String runId, String reason, Runnable write) {
        // taken before the backup: a write that stopped leaves the backup only when the store may have changed
        StoreFingerprint backedUp = store.fingerprint();
        Backup taken = journal.endingOnStop(runId, () -> journal.backUp(runId, store.locator(), reason, ProgressMonitor.NONE));
        AtomicBoolean refused = new AtomicBoolean();
        journal.write(taken, () -> {
            try {
                write.run();
            } catch (StaleRecordException changedMeanwhile) {
                refused.set(true); // checked under the store's lock: nothing was written
                throw changedMeanwhile;
            }
        }, () -> refused.get() || store.fingerprint().equals(backedUp));
        return taken;
    }

    protected abstract void apply();

    protected abstract void revert();
}
