package dev.sessiondb.job.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What one prune deletes, chosen before anything goes so that a dry run lists exactly it: the
 * backups {@link BackupPruning} selects, every incomplete backup (it restores nothing), and the
 * report of each of their runs that keeps no backup. Nothing of a run still running (it holds its
 * lock) goes: its backup is what undo puts back if its write fails.
 *
 * @param keptRunning the ids of the backups, complete or not, kept because their run may still be running
 * @param reports     by run id, the reports that go with the run's backup
 */
public record PrunePlan(List<Backup> backups, List<IncompleteBackup> incomplete, List<String> keptRunning, Map<String, Report> reports) {

    /** A run's saved report, and the bytes it takes. */
    public record Report(Path file, long bytes) {
    }

    public static PrunePlan of(BackupJournal journal, BackupPruning pruning, Instant now) {
        List<Backup> all = journal.list();
        List<Backup> selected = pruning.select(all, now);
        List<Backup> backups = selected.stream().filter(backup -> !journal.mayBeRunning(RunIds.runIdOf(backup))).toList();
        List<IncompleteBackup> leftovers = journal.incomplete();
        List<IncompleteBackup> incomplete = leftovers.stream().filter(leftover -> !leftover.running()).toList();
        List<String> keptRunning = Stream.concat(selected.stream().filter(backup -> !backups.contains(backup)).map(Backup::id),
                leftovers.stream().filter(IncompleteBackup::running).map(IncompleteBackup::id)).toList();

        Set<String> keptRuns = new HashSet<>();
        all.stream().filter(backup -> !backups.contains(backup)).map(RunIds::runIdOf).forEach(keptRuns::add);
        leftovers.stream().filter(IncompleteBackup::running).map(IncompleteBackup::runId).forEach(keptRuns::add);
        Map<String, Report> reports = Stream.concat(backups.stream().map(RunIds::runIdOf), incomplete.stream().map(IncompleteBackup::runId))
                .distinct().filter(runId -> !keptRuns.contains(runId))
                .flatMap(runId -> journal.report(runId).map(file -> Map.entry(runId, new Report(file, bytes(file)))).stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new PrunePlan(backups, incomplete, keptRunning, reports);
    }

    /** The report that goes with the backup of run {@code runId}, if it has one. */
    public Optional<Report> reportOf(String runId) {
        return Optional.ofNullable(reports.get(runId));
    }

    private static long bytes(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read the report " + file + " (" + e.getMessage() + ")", e));
        }
    }
}
