package dev.sessiondb.job.backup;

import dev.sessiondb.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Tells a job still running from one killed: a run holds an OS lock on {@code runs/<run id>.lock}
 * from its start until it ends, and the OS lets go of it when the process dies (kill -9 too). The
 * lock is taken before the run leaves any other trace (its history entry, its backup folder), and
 * the file appears under its name already locked (made aside, renamed into place): whoever finds
 * a run and can take its lock knows it has ended, and may delete its lock file, as no run takes
 * the same id again.
 */
final class RunLocks {

    private static final String SUFFIX = ".lock";
    /** A lock file being made, locked, before it is renamed into place. */
    private static final String ASIDE = ".new";

    /**
     * The locks this JVM holds, by file, for every journal in it: a lock is asked of them and
     * never of a second channel, as closing any channel of a file can drop the process's lock on it.
     */
    private static final Map<Path, FileChannel> HELD = new ConcurrentHashMap<>();

    private final Path folder;

    RunLocks(Path root) {
        this.folder = root.resolve("runs");
    }

    /**
     * Takes run {@code runId}'s lock, unless this JVM holds it already.
     *
     * @return whether it was taken now (the caller then releases it)
     */
    boolean hold(String runId) {
        Path file = fileOf(runId);
        if (HELD.containsKey(file)) {
            return false;
        }
        try {
            AtomicFiles.createOwnerOnlyDirectories(folder);
            Path aside = folder.resolve(runId + SUFFIX + ASIDE);
            FileChannel channel = FileChannel.open(aside, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), AtomicFiles.ownerOnlyFile());
            // known as held under both names before either can be seen, so no look from this JVM opens a second channel
            HELD.put(aside, channel);
            HELD.put(file, channel);
            try {
                lockIfTheFileSystemCan(channel);
                Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException notHeld) {
                HELD.remove(file);
                channel.close();
                Files.deleteIfExists(aside);
                throw notHeld;
            } finally {
                HELD.remove(aside);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot make the lock file " + file + " that tells this run from one killed ("
                    + e.getMessage() + "); nothing was written; check that folder, or pass --backup-dir", e));
        }
    }

    /**
     * No other process locks a file named for this run alone. A file system without locks (some
     * network shares) leaves it unlocked: a look at it cannot tell then, so keeps what the run made.
     */
    private static void lockIfTheFileSystemCan(FileChannel channel) {
        try {
            channel.tryLock();
        } catch (IOException unsupported) {
            // mayBeRunning answers true for such a file
        }
    }

    /** Run {@code runId} ended: its lock file goes, then its lock. */
    void release(String runId) {
        Path file = fileOf(runId);
        FileChannel channel = HELD.remove(file);
        if (channel == null) {
            return;
        }
        try (channel) {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the file stays, unlocked: a later look takes it as the lock of a run that ended
        }
    }

    /**
     * Whether run {@code runId} may still be running: its lock is held, by this JVM or another
     * process, or cannot be tested. False for a run that ended or was killed, and for one that
     * never held a lock (an edit in the app, a run of an earlier version).
     */
    boolean mayBeRunning(String runId) {
        return mayBeHeld(fileOf(runId));
    }

    private static boolean mayBeHeld(Path file) {
        if (HELD.containsKey(file)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (NoSuchFileException ended) {
            return false;
        } catch (IOException | OverlappingFileLockException unknown) {
            return true;
        }
    }

    /**
     * Deletes the lock files of runs that ended without letting go of them (killed), and those a
     * run killed before it renamed its file into place left aside; a running run's stay.
     */
    void clearEnded() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> locks = files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)
                    || file.getFileName().toString().endsWith(SUFFIX + ASIDE)).toList();
            for (Path lock : locks) {
                if (!mayBeHeld(lock.toAbsolutePath())) {
                    Files.deleteIfExists(lock);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot clear the lock files of ended runs in " + folder + " (" + e.getMessage()
                    + "); they are empty files and may be deleted by hand", e));
        }
    }

    private Path fileOf(String runId) {
        return folder.resolve(runId + SUFFIX).toAbsolutePath();
    }
}
