package dev.sessiondb.store.json;

import dev.sessiondb.store.PrefetchingIterator;
import java.nio.file.Path;

/**
 * Every record of a JSON file in file order as its key and the bytes it spans, read without
 * building it ({@link JsonRecordReader#nextKey}): what a diff needs to take each record's text
 * from the file in key order ({@link KeyOrderedTexts}, {@link CompactText}).
 */
final class RecordSpans extends PrefetchingIterator<RecordSpans.Span> implements AutoCloseable {

    /** @param end the byte after the record's closing brace */
    record Span(String key, long start, long end) {
    }

    private final JsonRecordReader reader;
    private final ReadCheck check;

    RecordSpans(Path file, ReadCheck check) {
        this.check = check;
        this.reader = JsonRecordReader.open(file);
    }

    /** False for a file in UTF-16 or UTF-32, whose records have no byte spans ({@link JsonRecordReader#givesByteOffsets}). */
    boolean givesSpans() {
        return reader.givesByteOffsets();
    }

    @Override
    protected Span fetch() {
        String key = reader.nextKey();
        check.read(key, reader);
        return key == null ? null : new Span(key, reader.recordOffset(), reader.recordEnd());
    }

    @Override
    public void close() {
        reader.close();
    }
}
