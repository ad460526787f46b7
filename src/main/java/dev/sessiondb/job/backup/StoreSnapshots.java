package dev.sessiondb.job.backup;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.RestoreGuard;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProvider;
import dev.sessiondb.store.StoreProviders;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.files.Staging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Takes a store's snapshot into a backup folder and puts it back. The store's provider copies
 * it its own way; a format without a copy of its own (a server) is backed up as its records,
 * exported to a JSON array and restored in one transaction.
 */
final class StoreSnapshots {

    static final String DATA = "data";
    private static final String RECORDS = "records.json";

    private StoreSnapshots() {
    }

    /** A snapshot of an open store, taken through that same handle where the format needs one. */
    static Backup.Kind take(SessionStore store, Path folder, ProgressMonitor monitor) throws IOException {
        StoreProvider provider = StoreProviders.of(store.locator());
        var kind = provider.snapshot(store, folder.resolve(DATA));
        if (kind.isPresent()) {
            return Backup.Kind.of(kind.get());
        }
        exportRecords(store, folder.resolve(RECORDS), monitor);
        return Backup.Kind.RECORDS;
    }

    /** A copy of a file no command opens as a store, taken as its format's provider would copy it. */
    static Backup.Kind takeOfFile(Path file, Path folder) throws IOException {
        Files.copy(file, folder.resolve(DATA), StandardCopyOption.COPY_ATTRIBUTES);
        return Backup.Kind.of(StoreProvider.SnapshotKind.FILE);
    }

    /**
     * The backup's copy as a store the commands open (to diff it with the store it was taken of); none for a backup
     * that recorded no store, or an empty file.
     */
    static Optional<StoreLocator> copy(Backup backup, Path folder) {
        if (backup.kind().equals(Backup.Kind.RECORDS)) {
            return Optional.of(StoreLocator.of(StoreFormat.JSON, folder.resolve(RECORDS)));
        }
        if (backup.storeWasAbsent() || backup.kind().equals(Backup.Kind.EMPTY_FILE)) {
            return Optional.empty();
        }
        return Optional.of(StoreLocator.of(backup.format(), folder.resolve(DATA)));
    }

    /** Puts the backup back only if the store is still as {@code guard} saw it, compared under the store's lock. */
    static void restore(Backup backup, StoreLocator locator, Path folder, ProgressMonitor monitor, RestoreGuard guard) throws IOException {
        StoreProvider provider = StoreProviders.of(locator);
        if (backup.kind().equals(Backup.Kind.RECORDS)) {
            importRecords(folder.resolve(RECORDS), locator, monitor, guard);
        } else if (backup.kind().equals(Backup.Kind.ABSENT)) {
            provider.remove(locator, monitor, guard);
        } else if (backup.kind().equals(Backup.Kind.ABSENT_WITH_ITS_PLACE)) {
            provider.removeWithItsPlace(locator, monitor, guard);
        } else if (backup.kind().equals(Backup.Kind.EMPTY_FILE)) {
            emptyFile(locator, provider, guard);
        } else {
            provider.restore(backup.kind().snapshot(), folder.resolve(DATA), locator, guard);
        }
    }

    /**
     * The store's file replaced by an empty one in one rename, once it is compared with how undo found
     * it; its side files (a SQLite write-ahead log) go first, so the empty file never meets them. Undo's
     * own backup, taken before, holds everything they held.
     */
    private static void emptyFile(StoreLocator locator, StoreProvider provider, RestoreGuard guard) throws IOException {
        Path file = locator.path();
        AtomicFiles.createOwnerOnlyDirectories(AtomicFiles.directoryOf(file));
        AtomicFiles.write(file, out -> { }, () -> {
            guard.requireMark(() -> provider.changeMark(locator).orElse(""));
            Staging.removeSideFiles(file);
        });
    }

    private static void exportRecords(SessionStore source, Path file, ProgressMonitor monitor) {
        try (SessionStore copy = StoreFactory.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.CREATE_IF_MISSING);
             RecordCursor records = source.cursor()) {
            copy.write(WriteBatch.replaceAll(records, source.count()), monitor);
        }
    }

    private static void importRecords(Path file, StoreLocator locator, ProgressMonitor monitor, RestoreGuard guard) {
        try (SessionStore copy = StoreFactory.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.EXISTING);
             SessionStore target = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING);
             RecordCursor records = copy.cursor()) {
            target.write(guard.guard(WriteBatch.replaceAll(records, copy.count())), monitor);
        }
    }
}
