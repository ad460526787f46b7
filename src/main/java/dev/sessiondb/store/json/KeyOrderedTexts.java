package dev.sessiondb.store.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.BinaryKeyOrder;
import dev.sessiondb.store.KeyedText;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.TextCursor;
import dev.sessiondb.store.file.BadInput;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A JSON file's records in binary key order as their compact texts ({@link CompactText}). One read
 * of the file keeps per record its key and where it lies, about what the store's key index holds,
 * and nothing of its text: a diff sorts those instead of spilling and merging every record's text,
 * then takes each record's text from the file in key order. The file must not change in between:
 * it is looked at every {@value #CHECK_EVERY} records and at the end, and before a record is parsed.
 */
final class KeyOrderedTexts implements TextCursor {

    private static final int CHECK_EVERY = 1 << 16;

    private final Path file;
    private final CheckedFile.Stamp stamp;
    private final FileChannel channel;
    private final CompactText compact;
    private final List<String> keys;
    private final long[] starts;
    private final int[] lengths;
    /** Positions in file order, smallest key first. */
    private final int[] order;
    private int next;
    private boolean checkedAtEnd;

    private KeyOrderedTexts(Path file, CheckedFile.Stamp stamp, FileChannel channel, Collected collected) throws IOException {
        this.file = file;
        this.stamp = stamp;
        this.channel = channel;
        this.compact = new CompactText(channel, collected.longest, CompactText.SEGMENT);
        this.keys = collected.keys;
        this.starts = collected.starts;
        this.lengths = collected.lengths;
        this.order = PackedKeySort.order(keys, BinaryKeyOrder.ORDER);
    }

    /**
     * Reads every record of {@code file} once, counting each on {@code read}; empty, having read
     * nothing, for a file whose records have no byte spans (UTF-16 or UTF-32).
     *
     * @param spans the file's records in file order, checking the file as they go when it was not checked yet
     */
    static Optional<TextCursor> read(Path file, Supplier<RecordSpans> spans, Runnable read, ProgressMonitor monitor) {
        // taken before the read: every text taken later must come from the file that was read
        CheckedFile.Stamp stamp = CheckedFile.Stamp.of(file);
        FileChannel channel = open(file);
        try (RecordSpans opened = spans.get()) {
            if (!opened.givesSpans()) {
                close(channel);
                return Optional.empty();
            }
            Collected collected = new Collected();
            while (opened.hasNext()) {
                monitor.checkCancelled();
                collected.add(opened.next());
                read.run();
            }
            requireUnchanged(file, stamp);
            return Optional.of(new KeyOrderedTexts(file, stamp, channel, collected));
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
        if (next == order.length && !checkedAtEnd) {
            requireUnchanged(file, stamp);
            checkedAtEnd = true;
        }
        return next < order.length;
    }

    @Override
    public KeyedText next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (next % CHECK_EVERY == 0) {
            requireUnchanged(file, stamp);
        }
        int position = order[next++];
        String key = keys.get(position);
        byte[] text = textAt(position);
        return new KeyedText(key, text, () -> parse(key, text));
    }

    @Override
    public void close() {
        close(channel);
    }

    private byte[] textAt(int position) {
        try {
            byte[] text = compact.take(starts[position], starts[position] + lengths[position]);
            if (text.length < 2 || text[0] != '{' || text[text.length - 1] != '}') {
                throw changed(file);
            }
            return text;
        } catch (IOException e) {
            throw BadInput.unreadable(file, e);
        } catch (InternalError e) {
            // how the runtime reports a mapped page the file no longer has: it was cut short
            throw changed(file);
        }
    }

    /** The record whose text was taken, as it was in the file that was read. */
    private SessionRecord parse(String key, byte[] text) {
        requireUnchanged(file, stamp);
        try {
            SessionRecord record = SessionRecord.ofParsed(JsonCodec.parseObject(new String(text, StandardCharsets.UTF_8)));
            if (record.key().equals(key)) {
                return record;
            }
        } catch (JsonProcessingException e) {
            // the bytes at its place are no longer the record found there
        }
        throw changed(file);
    }

    private static void requireUnchanged(Path file, CheckedFile.Stamp stamp) {
        if (!stamp.equals(CheckedFile.Stamp.of(file))) {
            throw changed(file);
        }
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

    /** Keys and where each record lies, in file order, in arrays that grow as the file is read. */
    private static final class Collected {

        private final List<String> keys = new ArrayList<>();
        private long[] starts = new long[1024];
        private int[] lengths = new int[1024];
        private int longest;

        void add(RecordSpans.Span span) {
            int position = keys.size();
            if (position == starts.length) {
                starts = Arrays.copyOf(starts, position * 2);
                lengths = Arrays.copyOf(lengths, position * 2);
            }
            keys.add(span.key());
            starts[position] = span.start();
            lengths[position] = Math.toIntExact(span.end() - span.start());
            longest = Math.max(longest, lengths[position]);
        }
    }
}
