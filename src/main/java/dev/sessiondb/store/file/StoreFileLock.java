package dev.sessiondb.store.file;

import dev.sessiondb.store.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a store, held across a whole read-modify-write: a sidecar lock file
 * locked with {@link FileChannel#lock()} keeps other processes out, and an in-process lock
 * per file keeps other threads out (the JVM refuses two file locks on one file).
 */
public final class StoreFileLock implements AutoCloseable {

    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path path;
    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private StoreFileLock(Path path, ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.path = path;
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /**
     * Waits until this thread holds the lock file exclusively; creates the lock file when missing.
     * The holder deletes the file when done, so a waiter may end up locking a deleted file: it
     * writes a token of its own into the file it locked and checks that the path shows that token,
     * trying again when it does not.
     */
    public static StoreFileLock acquire(Path lockFile) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(key, path -> new ReentrantLock());
        threadLock.lock();
        FileChannel channel = null;
        try {
            while (true) {
                channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock fileLock = channel.lock();
                if (isAtPath(channel, key)) {
                    return new StoreFileLock(key, threadLock, channel, fileLock);
                }
                closeQuietly(channel); // the previous holder deleted the file we waited on
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            threadLock.unlock();
            throw new StoreException(key + ": cannot lock the store (" + e.getMessage()
                    + "); check that the directory is writable and nothing else holds the lock", e);
        }
    }

    private static boolean isAtPath(FileChannel channel, Path key) throws IOException {
        byte[] token = java.util.UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(token), 0);
        try {
            return java.util.Arrays.equals(Files.readAllBytes(key), token);
        } catch (java.nio.file.NoSuchFileException deleted) {
            return false;
        } catch (IOException unreadableWhileLocked) {
            return true; // systems with mandatory locks (Windows) refuse the read, and refuse deleting an open file too
        }
    }

    /** Deletes the lock file while still holding it (no empty .lock is left beside the store), then lets the next one in. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A lock file that cannot be deleted (another system's rules) is harmless: the next holder reuses it.
        }
        try {
            fileLock.release();
        } catch (IOException e) {
            // Closing the channel below releases the lock as well.
        } finally {
            closeQuietly(channel);
            threadLock.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was written through the lock channel; a failed close loses nothing.
        }
    }
}
