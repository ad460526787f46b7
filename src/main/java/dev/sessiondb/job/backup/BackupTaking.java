package dev.sessiondb.job.backup;

import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.files.FileTrees;
import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Takes a backup into its own folder, the run's lock already held: the folder filled, its
 * manifest written last, the store's change mark noted and the history told. A backup stopped
 * half way leaves no folder behind.
 */
final class BackupTaking {

    private final BackupFolders folders;
    private final StoreMarks marks;
    private final JournalListener listener;

    BackupTaking(BackupFolders folders, StoreMarks marks, JournalListener listener) {
        this.folders = folders;
        this.marks = marks;
        this.listener = listener;
    }

    Backup take(String runId, StoreLocator locator, Contents contents) {
        Path folder = folders.of(runId + "-" + shortHash(locator));
        try {
            FileTrees.delete(folder);
            folders.createOwnerOnly();
            AtomicFiles.createOwnerOnlyDirectories(folder);
            // how the backup finds the store: an undo that puts this backup back brings back the store the mark was taken of
            Optional<String> found = StoreMarks.of(locator);
            Backup backup = takeOrClear(contents, folder);
            folders.save(backup);
            marks.backedUp(backup.id(), locator);
            listener.backedUp(runId, backup, found);
            return backup;
        } catch (IOException e) {
            // the cause's own advice: a backup stopped by a locked or damaged store is no matter of disk space
            String why = StoreFaults.of(e).map(fault -> fault.what() + "); nothing was written to the store; " + fault.todo())
                    .orElseGet(() -> e.getMessage() + "); nothing was written to the store; check that folder, or pass --backup-dir");
            throw new UncheckedIOException(new IOException("cannot back up " + locator.display() + " into " + folder + " (" + why, e));
        }
    }

    /** A backup stopped half way (cancelled, a full disk) leaves no folder behind: it holds no manifest and restores nothing. */
    private static Backup takeOrClear(Contents contents, Path folder) throws IOException {
        try {
            return contents.fill(folder);
        } catch (IOException | RuntimeException stopped) {
            try {
                FileTrees.delete(folder);
            } catch (IOException | RuntimeException notCleared) {
                stopped.addSuppressed(notCleared);
            }
            throw stopped;
        }
    }

    private static String shortHash(StoreLocator locator) {
        return HexFormat.of().toHexDigits((short) StoreProbe.withoutPassword(locator).hashCode());
    }

    /** Fills a backup folder and describes what it holds. */
    @FunctionalInterface
    interface Contents {
        Backup fill(Path folder) throws IOException;
    }
}
