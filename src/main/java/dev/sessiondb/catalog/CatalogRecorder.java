package dev.sessiondb.catalog;

import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.JournalListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Records what the backup journal does into the catalog beside it. The catalog is opened for
 * each event and closed again, so a long-running app holds no lock on it between jobs. A
 * catalog that cannot be opened or written never stops a job: the first failure is told to
 * {@code warnings} once, later ones are dropped (the journal's own files still hold the backups,
 * which the catalog's backup index takes in when next read). After a failure the rest of that
 * run's events are not tried: each try at a locked catalog waited SQLite's busy timeout.
 */
public final class CatalogRecorder implements JournalListener {

    private final Path folder;
    private final Consumer<String> warnings;
    private boolean warned;
    /** Whether an event since the last run's start failed: the run's other events are then skipped. */
    private boolean failedThisRun;

    public CatalogRecorder(Path folder, Consumer<String> warnings) {
        this.folder = folder;
        this.warnings = warnings;
    }

    /** A journal in {@code folder} whose runs are recorded in the catalog there. */
    public static BackupJournal journal(Path folder, Consumer<String> warnings) {
        return new BackupJournal(folder, new CatalogRecorder(folder, warnings));
    }

    @Override
    public synchronized void started(String runId, String description, List<String> sources, String target) {
        failedThisRun = false;
        record(history -> history.started(runId, description, sources, target));
    }

    @Override
    public void backedUp(String runId, Backup backup, Optional<String> mark) {
        record(history -> history.backedUp(runId, backup, mark));
    }

    @Override
    public void reportSaved(JobReport report, Path file, Optional<String> targetMark) {
        record(history -> history.reportSaved(report, file, targetMark));
    }

    @Override
    public void discarded(Backup backup, String outcome, Optional<String> why) {
        record(history -> history.discarded(backup, outcome, why));
    }

    @Override
    public void pruned(Backup backup) {
        record(history -> history.pruned(backup));
    }

    @Override
    public void reportPruned(String runId) {
        record(history -> history.reportPruned(runId));
    }

    @Override
    public void written(String runId) {
        record(history -> history.written(runId));
    }

    @Override
    public void ended(String runId, String outcome, Optional<String> why) {
        record(history -> history.ended(runId, outcome, why));
    }

    @Override
    public void restoring(Backup backup, Backup replaced) {
        record(history -> history.restoring(backup, replaced));
    }

    @Override
    public void restored(Backup restored, Backup replaced, Optional<String> mark) {
        record(history -> history.restored(restored, replaced, mark));
    }

    @Override
    public void undoStateChanged(Backup backup) {
        record(history -> history.undoStateChanged(backup));
    }

    private synchronized void record(Consumer<JobHistory> write) {
        if (failedThisRun) {
            return;
        }
        try (Catalog catalog = Catalog.open(folder)) {
            write.accept(catalog.history());
        } catch (RuntimeException e) {
            failedThisRun = true;
            if (!warned) {
                warned = true;
                // told as every reader of the catalog is told (a full disk as such, not as a file to move aside)
                warnings.accept("warning: the job history was not recorded: " + describe(e) + "; the job itself is unaffected");
            }
        }
    }

    private String describe(RuntimeException e) {
        return CatalogFaults.unusable(folder.toAbsolutePath().resolve(Catalog.FILE_NAME), e).getMessage();
    }
}
