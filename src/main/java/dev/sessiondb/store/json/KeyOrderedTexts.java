package dev.sessiondb.store.json;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.BinaryKeyOrder;
import dev.sessiondb.store.KeyedText;
import dev.sessiondb.store.TextCursor;
import java.nio.file.Path;
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

    private final TextsInPlace texts;
    private final List<String> keys;
    private final long[] starts;
    private final int[] lengths;
    /** Positions in file order, smallest key first. */
    private final int[] order;
    private int next;
    private boolean checkedAtEnd;

    private KeyOrderedTexts(TextsInPlace texts, Collected collected) {
        this.texts = texts;
        this.keys = collected.keys;
        this.starts = collected.starts;
        this.lengths = collected.lengths;
        this.order = PackedKeySort.order(keys, BinaryKeyOrder.ORDER);
        texts.mapFor(collected.longest);
    }

    /**
     * Reads every record of {@code file} once, counting each on {@code read}; empty, having read
     * nothing, for a file whose records have no byte spans (UTF-16 or UTF-32).
     *
     * @param spans the file's records in file order, checking the file as they go when it was not checked yet
     */
    static Optional<TextCursor> read(Path file, Supplier<RecordSpans> spans, Runnable read, ProgressMonitor monitor) {
        // opened before the read: every text taken later must come from the file that was read
        TextsInPlace texts = new TextsInPlace(file);
        try (RecordSpans opened = spans.get()) {
            if (!opened.givesSpans()) {
                texts.close();
                return Optional.empty();
            }
            Collected collected = new Collected();
            while (opened.hasNext()) {
                monitor.checkCancelled();
                collected.add(opened.next());
                read.run();
            }
            texts.requireUnchanged();
            return Optional.of(new KeyOrderedTexts(texts, collected));
        } catch (RuntimeException | Error e) {
            texts.close();
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        if (next == order.length && !checkedAtEnd) {
            texts.requireUnchanged();
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
            texts.requireUnchanged();
        }
        int position = order[next++];
        String key = keys.get(position);
        byte[] text = texts.take(starts[position], starts[position] + lengths[position]);
        return new KeyedText(key, text, () -> texts.parse(key, text));
    }

    @Override
    public void close() {
        texts.close();
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
