package dev.sessiondb.job.backup;

import dev.sessiondb.job.FileTrees;
import dev.sessiondb.job.Staging;
import dev.sessiondb.job.SqliteFiles;
import dev.sessiondb.job.StoreProbe;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Collections;

/** Takes a store's snapshot into a backup folder and puts it back, one way per format. */
final class StoreSnapshots {

    static final String DATA = "data";
    private static final String RECORDS = "records.json";

    private StoreSnapshots() {
    }

    static Backup.Kind take(StoreLocator locator, Path folder, ProgressMonitor monitor) throws IOException, SQLException {
        if (!StoreProbe.exists(locator)) {
            return Backup.Kind.ABSENT;
        }
        switch (locator.format()) {
            case JSON -> {
                Files.copy(locator.path(), folder.resolve(DATA), StandardCopyOption.COPY_ATTRIBUTES);
                return Backup.Kind.FILE;
            }
            case JSONDIR -> {
                FileTrees.copy(locator.path(), folder.resolve(DATA));
                return Backup.Kind.DIRECTORY;
            }
            case SQLITE -> {
                // VACUUM INTO fills an existing empty file, which keeps its owner-only permissions
                AtomicFiles.createOwnerOnlyFile(folder.resolve(DATA));
                SqliteFiles.copy(locator.path(), folder.resolve(DATA));
                return Backup.Kind.SQLITE;
            }
            default -> {
                exportRecords(locator, folder.resolve(RECORDS), monitor);
                return Backup.Kind.RECORDS;
            }
        }
    }

    static void restore(Backup backup, StoreLocator locator, Path folder, ProgressMonitor monitor) throws IOException, SQLException {
        switch (backup.kind()) {
            case FILE -> copyOver(folder.resolve(DATA), throughLinks(locator.path()));
            case DIRECTORY -> replaceTree(folder.resolve(DATA), throughLinks(locator.path()));
            case SQLITE -> restoreSqlite(folder.resolve(DATA), locator.path());
            case RECORDS -> importRecords(folder.resolve(RECORDS), locator, monitor);
            case ABSENT -> remove(locator, monitor);
        }
    }

    private static void exportRecords(StoreLocator locator, Path file, ProgressMonitor monitor) {
        try (SessionStore source = StoreFactory.open(locator, OpenMode.EXISTING);
             SessionStore copy = StoreFactory.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.CREATE_IF_MISSING);
             RecordCursor records = source.cursor()) {
            copy.write(WriteBatch.replaceAll(records, source.count()), monitor);
        }
    }

    private static void importRecords(Path file, StoreLocator locator, ProgressMonitor monitor) {
        try (SessionStore copy = StoreFactory.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.EXISTING);
             SessionStore target = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING);
             RecordCursor records = copy.cursor()) {
            target.write(WriteBatch.replaceAll(records, copy.count()), monitor);
        }
    }

    private static void restoreSqlite(Path copy, Path database) throws IOException, SQLException {
        if (Files.exists(database)) {
            SqliteFiles.restore(database, copy);
        } else {
            copyOver(copy, database);
        }
    }

    /** The store did not exist before the job: files go; a server store is emptied in one transaction. */
    private static void remove(StoreLocator locator, ProgressMonitor monitor) throws IOException {
        if (locator.format() == StoreFormat.POSTGRESQL) {
            if (StoreProbe.exists(locator)) {
                try (SessionStore target = StoreFactory.open(locator, OpenMode.EXISTING)) {
                    target.write(WriteBatch.replaceAll(Collections.emptyIterator(), 0), monitor);
                }
            }
        } else if (Files.isDirectory(locator.path())) {
            FileTrees.delete(locator.path());
        } else {
            Files.deleteIfExists(locator.path());
            Staging.removeSideFiles(locator.path());
        }
    }

    /** A store reached through a symbolic link is restored at the link's target; renaming over the link would replace it. */
    private static Path throughLinks(Path path) throws IOException {
        return Files.exists(path) ? path.toRealPath() : path;
    }

    /** Replaces a file in one step by a complete copy of another. */
    private static void copyOver(Path copy, Path file) throws IOException {
        AtomicFiles.createOwnerOnlyDirectories(AtomicFiles.directoryOf(file));
        AtomicFiles.write(file, out -> Files.copy(copy, out));
    }

    /** Puts a directory in place of another: copy beside it, then two renames; a leftover old copy is finished off next time. */
    private static void replaceTree(Path copy, Path directory) throws IOException {
        Path staged = Staging.beside(directory);
        Path old = staged.resolveSibling(staged.getFileName() + "-old");
        FileTrees.delete(staged);
        FileTrees.copy(copy, staged);
        if (Files.exists(directory)) {
            FileTrees.delete(old);
            Files.move(directory, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staged, directory, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.delete(old);
    }
}
