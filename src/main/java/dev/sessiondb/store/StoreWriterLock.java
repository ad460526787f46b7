package dev.sessiondb.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * One writing run per store, across processes: held by a job from its backup to its end and by an
 * undo for its whole restore, so a second writer is refused at once instead of racing the first.
 * A file store's lock is an OS lock ({@link FileChannel#tryLock()}) on a file beside it named for the store, which the
 * system drops when the holder dies (kill -9 too); a store file that exists is locked also by a file named for its device
 * and inode ({@link #fileOfItself}), so its hard links in that folder share a lock. A holder deletes the file as it lets go; one a killed
 * holder left is stale whatever it says, and the next writer in its folder deletes it. The holder writes its name into the file for the refusal to quote.
 * A PostgreSQL store's lock is an advisory lock of the server ({@link StoreProvider#holdWriter}).
 */
public interface StoreWriterLock extends AutoCloseable {

    /**
     * The lock file beside a file or folder store; for a new store in a folder not made yet, in the nearest folder that
     * exists, named for the rest of the path (a run refused before it made the folder leaves no folder behind). Links are
     * followed: a store reached through a linked folder or a link to its file has the lock of the store linked to.
     */
    static Path fileOf(Path store) {
        Path real = followingLinks(store.toAbsolutePath().normalize());
        Deque<String> names = new ArrayDeque<>(List.of(real.getFileName().toString()));
        Path folder = real.getParent();
        while (folder.getParent() != null && !Files.isDirectory(folder)) {
            names.addFirst(folder.getFileName().toString());
            folder = folder.getParent();
        }
        return followingLinks(folder).resolve(FileWriterLock.lockFileName(String.join("__", names)));
    }

    /**
     * The lock file of the store file itself, beside it and named for its device and inode (the file's key), which every
     * hard link of it in that folder shares. None for a folder store (no hard links), a store not made yet, or where the
     * platform gives no key: the lock by name ({@link #fileOf}) is the one then. The name's lock is held too, as a JSON
     * store written anew by a rename has a new inode after each write.
     */
    static Optional<Path> fileOfItself(Path store) {
        Path real = followingLinks(store.toAbsolutePath().normalize());
        try {
            BasicFileAttributes file = Files.readAttributes(real, BasicFileAttributes.class);
            return Optional.ofNullable(file.isRegularFile() ? file.fileKey() : null)
                    .map(key -> real.resolveSibling("." + key.toString().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "")
                            + FileWriterLock.SUFFIX));
        } catch (IOException notMadeYet) {
            return Optional.empty();
        }
    }

    /** The path with its links resolved where it exists; as it is where it does not (a store not made yet). */
    private static Path followingLinks(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException absent) {
            return path;
        }
    }

    /**
     * Takes the writer lock of the file or folder store at {@code store} for {@code holder}, or refuses at once.
     *
     * @throws StoreBusyException when another run, in this process or another, holds it; nothing was changed
     */
    static StoreWriterLock holdFile(Path store, String display, String holder) {
        Path lockFile = fileOf(store);
        FileWriterLock byName = FileWriterLock.hold(lockFile, display, holder);
        try {
            StoreWriterLock held = fileOfItself(store).<StoreWriterLock>map(itself -> {
                FileWriterLock byFile = FileWriterLock.hold(itself, display, holder);
                return () -> {
                    byFile.close();
                    byName.close();
                };
            }).orElse(byName);
            FileWriterLock.removeStale(lockFile.getParent());
            return held;
        } catch (RuntimeException refused) {
            byName.close();
            throw refused;
        }
    }

    /**
     * The run that holds the writer lock of the file or folder store at {@code store} now, if one does (an empty name when it
     * has not written it yet): a look that makes nothing and never refuses a writer that takes the lock meanwhile.
     */
    static Optional<String> holderOfFile(Path store) {
        return FileWriterLock.holderNow(fileOf(store)).or(() -> fileOfItself(store).flatMap(FileWriterLock::holderNow));
    }

    /** Why a second writer is refused: the store and, when known, the run that writes it. */
    static StoreBusyException busy(String display, String holder) {
        return new StoreBusyException(display + " is being written by " + (holder.isBlank() ? "another sessiondb run" : holder)
                + "; nothing was changed; wait for that run to end (or stop it), then run the command again");
    }

    @Override
    void close();
}
