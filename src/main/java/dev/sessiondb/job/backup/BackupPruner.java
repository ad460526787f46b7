package dev.sessiondb.job.backup;

import dev.sessiondb.files.FileTrees;
import dev.sessiondb.model.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Deletes what a prune chose ({@link PrunePlan}) from a journal's folder so that a prune stopped at any
 * moment leaves every backup either whole or plainly not, and the history told of each before it goes.
 */
public final class BackupPruner {

    private final Path backups;
    private final JournalListener listener;
    private final RunLocks locks;

    BackupPruner(Path backups, JournalListener listener, RunLocks locks) {
        this.backups = backups;
        this.listener = listener;
        this.locks = locks;
    }

    /**
     * Deletes a backup a prune chose ({@link BackupPruning}), and {@code report}, that of its run, when it goes too. The
     * manifest is first renamed to the mark of a backup being pruned, in one step: from then on the backup is not
     * listed and a prune stopped at any later moment leaves an incomplete backup that says it was pruned part-way
     * ({@link BackupJournal#incomplete()}), which the next prune deletes. The history hears of it before the run's report and the
     * folder go, so it never offers a backup that is no longer whole.
     */
    public void prune(Backup backup, Optional<Path> report) {
        Path folder = backups.resolve(backup.id());
        try {
            Files.move(folder.resolve(BackupJournal.MANIFEST), folder.resolve(BackupJournal.PRUNING), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot delete the backup " + folder + " (" + e.getMessage()
                    + "); it is whole and can still be restored; run the prune again", e));
        }
        listener.pruned(backup);
        report.ifPresent(file -> pruneReport(RunIds.runIdOf(backup), file));
        deleteFolder(folder);
    }

    /**
     * Deletes an incomplete backup a prune chose ({@link PrunePlan}), that of a run that ended, and {@code report}, that
     * of its run when it goes too. One a prune stopped part-way left tells the history (again) that it was pruned.
     */
    public void prune(IncompleteBackup incomplete, Optional<Path> report) {
        Path folder = backups.resolve(incomplete.id());
        if (incomplete.prunedPartWay()) {
            prunedManifest(folder).ifPresent(listener::pruned);
        }
        report.ifPresent(file -> pruneReport(incomplete.runId(), file));
        deleteFolder(folder);
    }

    /** The manifest a stopped prune renamed, if it can still be read: a mark written by an earlier version may not be. */
    private static Optional<Backup> prunedManifest(Path folder) {
        try {
            return Optional.of(Backup.fromJson(JsonCodec.parse(Files.readString(folder.resolve(BackupJournal.PRUNING)))));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // the history then drops the backup when it next reads the journal
        }
    }

    private static void deleteFolder(Path folder) {
        try {
            FileTrees.delete(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot delete the backup " + folder + " (" + e.getMessage()
                    + "); it can no longer be restored; delete it by hand or run the prune again", e));
        }
    }

    /** Deletes the report of run {@code runId}, whose backup a prune deletes. */
    private void pruneReport(String runId, Path report) {
        try {
            Files.deleteIfExists(report);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot delete the report " + report + " (" + e.getMessage()
                    + "); delete it by hand or run the prune again", e));
        }
        listener.reportPruned(runId);
    }

    /** Deletes the lock files killed runs left in {@code runs/}. */
    public void clearLocksOfEndedRuns() {
        locks.clearEnded();
    }
}
