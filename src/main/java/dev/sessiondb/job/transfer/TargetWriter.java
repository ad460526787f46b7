package dev.sessiondb.job.transfer;

import dev.sessiondb.job.Staging;
import dev.sessiondb.job.SqliteFiles;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.store.file.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Writes a job's records into its target so that the target is only ever untouched or
 * complete: an existing store is backed up and written in one transaction; a new file or
 * folder is built beside its final name and renamed into place; a new PostgreSQL store is
 * filled in one transaction. Every write is journalled, so undo can put the target back
 * (or remove a target the job created).
 */
public final class TargetWriter {

    private final StoreLocator target;
    private final TargetMode mode;
    private final BackupJournal journal;

    public TargetWriter(StoreLocator target, TargetMode mode, BackupJournal journal) {
        this.target = target;
        this.mode = mode;
        this.journal = journal;
    }

    /**
     * @param hashes receives each record's hash as it is written, read ahead on a second thread
     * @return the backup taken first, which undo restores
     */
    public Backup write(String runId, String reason, RecordSource records, ExpectedHashes hashes, ProgressMonitor monitor) {
        monitor.message("backing up target");
        Backup backup = journal.backUp(runId, target, reason, monitor);
        monitor.message("writing target");
        if (backup.kind() == Backup.Kind.ABSENT && target.format() != StoreFormat.POSTGRESQL) {
            writeStaged(records, hashes, monitor);
        } else {
            try (SessionStore store = StoreFactory.open(target, OpenMode.CREATE_IF_MISSING);
                 RecordCursor cursor = new ReadAheadCursor(hashes.recording(records.open(), store))) {
                store.write(mode == TargetMode.MERGE ? WriteBatch.upsert(cursor, records.count())
                        : WriteBatch.replaceAll(cursor, records.count()), monitor);
            }
        }
        return backup;
    }

    private void writeStaged(RecordSource records, ExpectedHashes hashes, ProgressMonitor monitor) {
        Path finalPath = target.path();
        Path staged = Staging.beside(finalPath);
        boolean moved = false;
        try {
            Staging.clear(staged);
            try (SessionStore store = StoreFactory.open(new StoreLocator(target.format(), staged.toString(), target.params()), OpenMode.CREATE_IF_MISSING);
                 RecordCursor cursor = new ReadAheadCursor(hashes.recording(records.open(), store))) {
                store.write(WriteBatch.replaceAll(cursor, records.count()), monitor);
            }
            if (target.format() == StoreFormat.SQLITE && Files.exists(Path.of(staged + "-wal"))) {
                SqliteFiles.checkpoint(staged);
            }
            Files.createDirectories(finalPath.toAbsolutePath().getParent());
            AtomicFiles.replace(staged, finalPath);
            moved = true;
            Staging.removeSideFiles(staged);
        } catch (IOException | SQLException e) {
            throw new UncheckedIOException(new IOException("cannot put the new store in place at " + finalPath + " (" + e.getMessage()
                    + "); nothing was written there", e));
        } finally {
            if (!moved) {
                removeQuietly(staged);
            }
        }
    }

    private static void removeQuietly(Path staged) {
        try {
            Staging.clear(staged);
        } catch (IOException leftForNextRun) {
            // the next run removes it before staging again
        }
    }
}
