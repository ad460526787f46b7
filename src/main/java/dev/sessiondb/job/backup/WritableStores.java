package dev.sessiondb.job.backup;

import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.files.ReadOnlyFileException;
import dev.sessiondb.job.JobRefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A store whose owner made it, or a file of it, read-only is not written: a rename needs only the folder's permission and
 * root may write any file, so the mode is the owner's one way to say "do not change this". Asked before a backup, as a
 * backup precedes every write to a store.
 */
final class WritableStores {

    /** The side files SQLite writes beside its database: a read-only one fails the write half-way, named as a read-only file system. */
    private static final List<String> SQLITE_SIDE_FILES = List.of("-wal", "-shm", "-journal");

    private WritableStores() {
    }

    /** Refuses a store whose file, folder, a session file in its folder, or a SQLite side file its owner made read-only. */
    static void requireOwnerWritable(Path store) {
        try {
            for (Path file : filesWritten(store)) {
                AtomicFiles.requireOwnerWritable(file);
            }
        } catch (ReadOnlyFileException readOnly) {
            String file = readOnly.getFile();
            throw new JobRefusedException(file + " is read-only (its owner may not write it); nothing was changed;"
                    + " make it writable (chmod u+w " + file + ") to let sessiondb change " + (file.equals(store.toString()) ? "it" : "the store " + store));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The files a write to the store may replace: the store itself, then a folder's session files or a file's SQLite side files. */
    private static List<Path> filesWritten(Path store) throws IOException {
        List<Path> files = new ArrayList<>(List.of(store));
        if (Files.isDirectory(store)) {
            try (Stream<Path> inside = Files.list(store)) {
                inside.filter(file -> file.getFileName().toString().endsWith(".json") && Files.isRegularFile(file)).sorted().forEach(files::add);
            }
        } else {
            SQLITE_SIDE_FILES.stream().map(suffix -> store.resolveSibling(store.getFileName() + suffix)).filter(Files::exists).forEach(files::add);
        }
        return files;
    }
}
