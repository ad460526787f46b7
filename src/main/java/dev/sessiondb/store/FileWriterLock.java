package dev.sessiondb.store;

import dev.sessiondb.files.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The OS lock on a file store's lock file; this JVM's holders are known by file, as the JVM refuses a second lock on one. */
final class FileWriterLock implements StoreWriterLock {

    private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;

    private FileWriterLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static FileWriterLock hold(Path file, String display, String holder) {
        String other = HELD_HERE.putIfAbsent(file, holder);
        if (other != null) {
            throw StoreWriterLock.busy(display, other);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                    AtomicFiles.ownerOnlyFile());
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw StoreWriterLock.busy(display, holderIn(channel));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
            return new FileWriterLock(file, channel);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(file);
            closeQuietly(channel);
            if (e instanceof StoreBusyException busy) {
                throw busy;
            }
            // a read-only or full file system is told in the words every other write uses
            String why = StoreFaults.of(e).map(fault -> fault.what() + "); nothing was changed; " + fault.todo())
                    .orElseGet(() -> e.getMessage() + "); nothing was changed; check that the folder holding the store is writable");
            throw new StoreException(display + ": cannot take the lock that keeps a second writer out (" + file + ": " + why, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    /** The name the holder wrote; empty when it has not written it yet. */
    private static String holderIn(FileChannel channel) throws IOException {
        ByteBuffer text = ByteBuffer.allocate(512);
        channel.read(text, 0);
        return new String(text.array(), 0, text.position(), StandardCharsets.UTF_8).strip();
    }

    /** The file stays (deleting it could let two writers lock two files of one name); emptied, it names nobody. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
        } catch (IOException e) {
            // a name left in an unlocked file is stale: the lock, not the text, tells a holder
        } finally {
            closeQuietly(channel);
            HELD_HERE.remove(file);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing drops the lock in any case; nothing was written through it
            }
        }
    }
}
