package dev.sessiondb.store.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.store.PrefetchingIterator;
import dev.sessiondb.store.file.BadInput;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Every record of a JSON file in file order as its key, the offset it starts at and its compact
 * text copied token by token ({@link JsonRecordReader#nextKey(JsonGenerator)}), without building
 * the record: a diff hashes that text, and reads a record whole only where the hashes differ.
 */
final class CompactRecords extends PrefetchingIterator<CompactRecords.Compact> implements AutoCloseable {

    /** @param text the record as compact JSON, in UTF-8 */
    record Compact(String key, long offset, byte[] text) {
    }

    private final Path file;
    private final JsonRecordReader reader;
    private final ReadCheck check;
    private final ByteArrayBuilder text = new ByteArrayBuilder(2048);
    private final JsonGenerator generator;

    CompactRecords(Path file, ReadCheck check) {
        this.file = file;
        this.check = check;
        this.reader = JsonRecordReader.open(file);
        try {
            this.generator = JsonCodec.MAPPER.getFactory().createGenerator(text, JsonEncoding.UTF8).setRootValueSeparator(null);
        } catch (IOException e) {
            reader.close();
            throw BadInput.unreadable(file, e);
        }
    }

    @Override
    protected Compact fetch() {
        String key = reader.nextKey(generator);
        check.read(key, reader);
        if (key == null) {
            return null;
        }
        try {
            generator.flush();
        } catch (IOException e) {
            throw BadInput.unreadable(file, e);
        }
        byte[] bytes = text.toByteArray();
        text.reset();
        return new Compact(key, reader.recordOffset(), bytes);
    }

    @Override
    public void close() {
        reader.close();
    }
}
