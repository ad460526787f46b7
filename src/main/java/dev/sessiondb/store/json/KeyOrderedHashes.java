package dev.sessiondb.store.json;

import dev.sessiondb.model.RecordHash;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.BinaryKeyOrder;
import dev.sessiondb.store.HashCursor;
import dev.sessiondb.store.ReadAhead;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoredHash;
import dev.sessiondb.store.file.BadInput;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A JSON file's records in binary key order as the hashes of their compact text, each record read
 * again from where it starts when asked for (by a diff, only a record whose hash differs from the
 * other side's). One read of the file keeps per record its key, its offset and its 32-byte digest,
 * about what the store's key index holds, and nothing of its text: a diff sorts those instead of
 * spilling and merging every record's text. The file is parsed on a thread of its own
 * ({@link RecordSpans}) while the caller takes each record's compact text ({@link CompactText})
 * and hashes it.
 */
final class KeyOrderedHashes implements HashCursor {

    private static final int DIGEST = RecordHash.DIGEST_BYTES;

    private final Path file;
    private final CheckedFile.Stamp stamp;
    private final FileChannel channel;
    private final List<String> keys;
    private final long[] offsets;
    private final byte[] digests;
    /** Positions in file order, smallest key first. */
    private final int[] order;
    private int next;

    private KeyOrderedHashes(Path file, CheckedFile.Stamp stamp, FileChannel channel, Collected collected) {
        this.file = file;
        this.stamp = stamp;
        this.channel = channel;
        this.keys = collected.keys;
        this.offsets = collected.offsets;
        this.digests = collected.digests;
        this.order = PackedKeySort.order(keys, BinaryKeyOrder.ORDER);
    }

    /**
     * Reads every record of {@code file} once, counting each on {@code read}; empty, having read
     * nothing, for a file whose records have no byte spans (UTF-16 or UTF-32).
     *
     * @param spans the file's records in file order, checking the file as they go when it was not checked yet
     */
    static Optional<HashCursor> read(Path file, Supplier<RecordSpans> spans, Runnable read, ProgressMonitor monitor) {
        // taken before the read: a record asked for later must come from the file that was hashed
        CheckedFile.Stamp stamp = CheckedFile.Stamp.of(file);
        FileChannel channel = open(file);
        try {
            RecordSpans opened = spans.get();
            if (!opened.givesSpans()) {
                opened.close();
                close(channel);
                return Optional.empty();
            }
            Collected collected = new Collected(new CompactText(channel));
            try (ReadAhead<RecordSpans.Span> found = ReadAhead.mapped(opened, Function.identity())) {
                while (found.hasNext()) {
                    monitor.checkCancelled();
                    collected.add(found.next());
                    read.run();
                }
            }
            if (!stamp.equals(CheckedFile.Stamp.of(file))) {
                throw changed(file);
            }
            return Optional.of(new KeyOrderedHashes(file, stamp, channel, collected));
        } catch (IOException e) {
            close(channel);
            throw BadInput.unreadable(file, e);
        } catch (RuntimeException | Error e) {
            close(channel);
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        return next < order.length;
    }

    @Override
    public StoredHash next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int position = order[next++];
        return new StoredHash(keys.get(position), RecordHash.ofDigest(digests, position * DIGEST), () -> recordAt(position));
    }

    @Override
    public void close() {
        close(channel);
    }

    private SessionRecord recordAt(int position) {
        String key = keys.get(position);
        try {
            if (stamp.equals(CheckedFile.Stamp.of(file))) {
                Optional<SessionRecord> record = KeyIndex.readAt(channel, offsets[position], key);
                if (record.isPresent()) {
                    return record.get();
                }
            }
        } catch (IOException e) {
            throw BadInput.unreadable(file, e);
        }
        throw changed(file);
    }

    private static StoreException changed(Path file) {
        return new StoreException(file + ": the file changed while it was compared; compare again");
    }

    private static FileChannel open(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw BadInput.unreadable(file, e);
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // opened for reading only: closing it cannot lose data
        }
    }

    /** Keys, offsets and digests in file order, in arrays that grow as the file is read. */
    private static final class Collected {

        private final CompactText compact;
        private final List<String> keys = new ArrayList<>();
        private long[] offsets = new long[1024];
        private byte[] digests = new byte[1024 * DIGEST];

        Collected(CompactText compact) {
            this.compact = compact;
        }

        void add(RecordSpans.Span span) throws IOException {
            int position = keys.size();
            if (position == offsets.length) {
                offsets = Arrays.copyOf(offsets, position * 2);
                digests = Arrays.copyOf(digests, position * 2 * DIGEST);
            }
            keys.add(span.key());
            offsets[position] = span.start();
            compact.take(span.start(), span.end());
            RecordHash.digestTextBytes(compact.text(), compact.length(), digests, position * DIGEST);
        }
    }
}
