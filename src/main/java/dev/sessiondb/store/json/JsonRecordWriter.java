package dev.sessiondb.store.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a Minsky JSON file one record at a time in Minsky's own layout
 * ({@code JSON.stringify(value, null, 2)}), inside the shape the file had.
 */
final class JsonRecordWriter implements AutoCloseable {

    /** Per-record writes must not flush: the file is forced to disk once, at the end. */
    private static final ObjectWriter RECORDS = JsonCodec.MAPPER.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private final JsonGenerator generator;

    /** Starts the file: the objects around the array with their leading fields, then the array. */
    JsonRecordWriter(OutputStream out, JsonShape opening) throws IOException {
        this.generator = JsonCodec.MAPPER.createGenerator(out);
        this.generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.generator.setPrettyPrinter(JsonCodec.minskyPrettyPrinter());
        for (JsonShape.Level level : opening.levels()) {
            generator.writeStartObject();
            writeFields(level.before());
            generator.writeFieldName(level.inner());
        }
        generator.writeStartArray();
    }

    void write(ObjectNode record) throws IOException {
        RECORDS.writeValue(generator, record);
    }

    /** Writes the record's own fields, not a copy of them (a copy of each record took a third of the writing thread). */
    void write(SessionRecord record) throws IOException {
        try {
            record.readFields(fields -> {
                try {
                    write(fields);
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Ends the array and the objects around it, with the fields that followed, and the final newline. */
    void finish(JsonShape closing) throws IOException {
        generator.writeEndArray();
        List<JsonShape.Level> closed = closing.levels();
        for (int depth = closed.size() - 1; depth >= 0; depth--) {
            writeFields(closed.get(depth).after());
            generator.writeEndObject();
        }
        if (closing.trailingNewline()) {
            generator.writeRaw('\n');
        }
        generator.flush();
    }

    @Override
    public void close() throws IOException {
        generator.close();
    }

    private void writeFields(ObjectNode fields) throws IOException {
        Iterator<Map.Entry<String, JsonNode>> entries = fields.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            generator.writeFieldName(entry.getKey());
            RECORDS.writeValue(generator, entry.getValue());
        }
    }
}
