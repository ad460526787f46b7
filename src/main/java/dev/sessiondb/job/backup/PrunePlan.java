package dev.sessiondb.job.backup;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one prune deletes, chosen before anything goes so that a dry run lists exactly it: the
 * backups {@link BackupPruning} selects and every incomplete backup (it restores nothing).
 * Nothing of a run still running (it holds its lock) goes: its backup is what undo puts back if
 * its write fails.
 *
 * @param keptRunning the ids of the backups, complete or not, kept because their run may still be running
 */
public record PrunePlan(List<Backup> backups, List<IncompleteBackup> incomplete, List<String> keptRunning) {

    public static PrunePlan of(BackupJournal journal, BackupPruning pruning, Instant now) {
        List<Backup> selected = pruning.select(journal.list(), now);
        List<Backup> backups = selected.stream().filter(backup -> !journal.mayBeRunning(BackupJournal.runIdOf(backup))).toList();
        List<IncompleteBackup> leftovers = journal.incomplete();
        List<IncompleteBackup> incomplete = leftovers.stream().filter(leftover -> !leftover.running()).toList();
        List<String> keptRunning = Stream.concat(selected.stream().filter(backup -> !backups.contains(backup)).map(Backup::id),
                leftovers.stream().filter(IncompleteBackup::running).map(IncompleteBackup::id)).toList();
        return new PrunePlan(backups, incomplete, keptRunning);
    }
}
