package dev.sessiondb.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads of files that SQLite, in this process, may hold POSIX advisory locks on. Closing any
 * descriptor of a file drops every such lock the process holds on it, SQLite's included, and
 * another program then takes the file as unused: a {@code sqlite3} closing its connection
 * checkpointed and deleted the write-ahead log under a backup's open read, which then found the
 * file "malformed". While a file is {@link #hold held} (a store has it open), its reads go
 * through one descriptor that stays open until the last hold ends; other files are opened,
 * read and closed.
 */
public final class LockSafeReads {

    /** By the file's identity (device and inode), not its path: a file renamed over it is another file. */
    private static final Map<Object, Held> HELD = new HashMap<>();

    private LockSafeReads() {
    }

    /** Keeps one descriptor of the file open until the returned hold, and every other hold on it, is closed. */
    public static Hold hold(Path file) throws IOException {
        Object key = identity(file);
        synchronized (HELD) {
            Held held = HELD.get(key);
            if (held == null) {
                held = new Held(FileChannel.open(file, StandardOpenOption.READ));
                HELD.put(key, held);
            }
            held.holds++;
            return release(key);
        }
    }

    /** Up to {@code bytes} bytes from the start of the file: fewer when it is shorter. */
    public static byte[] head(Path file, int bytes) throws IOException {
        Object key = identity(file);
        synchronized (HELD) {
            Held held = HELD.get(key);
            if (held != null) {
                return read(held.channel, bytes);
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(channel, bytes);
        }
    }

    /**
     * Gives {@code reading} the file's channel: the held descriptor when a store has the file open (positional reads only,
     * as every reader of the file shares it), else one opened and closed for it.
     */
    public static <T> T read(Path file, ChannelReading<T> reading) throws IOException {
        Object key = identity(file);
        Held held;
        synchronized (HELD) {
            held = HELD.get(key);
            if (held != null) {
                held.holds++;
            }
        }
        if (held == null) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                return reading.read(channel);
            }
        }
        // the hold taken above keeps the descriptor open for the read, which runs outside the lock
        try (Hold hold = release(key)) {
            return reading.read(held.channel);
        }
    }

    private static Hold release(Object key) {
        boolean[] released = {false};
        return () -> {
            synchronized (HELD) {
                if (released[0]) {
                    return;
                }
                released[0] = true;
                Held held = HELD.get(key);
                if (--held.holds == 0) {
                    HELD.remove(key);
                    try {
                        held.channel.close();
                    } catch (IOException ignored) {
                        // a read-only descriptor: nothing of the file's is lost when its close fails
                    }
                }
            }
        };
    }

    private static byte[] read(FileChannel channel, int bytes) throws IOException {
        // positional reads: a held descriptor is shared by every reader of the file
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        int read;
        do {
            read = channel.read(buffer, buffer.position());
        } while (read > 0 && buffer.hasRemaining());
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static Object identity(Path file) throws IOException {
        Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        return key == null ? file.toRealPath() : key;
    }

    /** What {@link #read(Path, ChannelReading)} does with the file's channel. */
    @FunctionalInterface
    public interface ChannelReading<T> {
        T read(FileChannel channel) throws IOException;
    }

    /** The end of a hold; closing it twice ends it once. */
    @FunctionalInterface
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Held {
        private final FileChannel channel;
        private int holds;

        Held(FileChannel channel) {
            this.channel = channel;
        }
    }
}
