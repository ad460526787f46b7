package dev.sessiondb.discovery;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sessiondb.files.LockSafeReads;
import dev.sessiondb.model.JsonCodec;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Tells a Minsky JSON store saved under a name of its own (a copy kept as {@code back.json}) by the start of the file: a
 * bare array, {@code {"sessions": [...]}} or the backup wrapper {@code {"data": {"sessions": [...]}}}, whose first record
 * has a {@code "session"}. Only the first {@link #BYTES_READ} bytes are read, so a search of a tree never parses a big
 * file whole; other JSON (a package.json, an array of numbers, an empty array) is no store.
 */
final class MinskyJsonStart {

    /** Far more than a record's start: Minsky writes {@code "session"} first, and a backup's wrapper fields are short. */
    static final int BYTES_READ = 64 * 1024;

    private MinskyJsonStart() {
    }

    static boolean holdsSessions(Path file) {
        try (JsonParser parser = JsonCodec.MAPPER.getFactory().createParser(LockSafeReads.head(file, BYTES_READ))) {
            JsonToken first = parser.nextToken();
            return first == JsonToken.START_ARRAY ? firstRecordHasASession(parser) : first == JsonToken.START_OBJECT && sessionsIn(parser, true);
        } catch (IOException | RuntimeException unreadableOrCutBeforeTheAnswer) {
            return false;
        }
    }

    /** Within an object: its {@code sessions} array, or on the outside a backup's {@code data} object holding one. */
    private static boolean sessionsIn(JsonParser parser, boolean outermost) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("sessions") && value == JsonToken.START_ARRAY) {
                return firstRecordHasASession(parser);
            }
            if (outermost && name.equals("data") && value == JsonToken.START_OBJECT) {
                return sessionsIn(parser, false);
            }
            parser.skipChildren();
        }
        return false;
    }

    private static boolean firstRecordHasASession(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            boolean key = parser.currentName().equals("session");
            JsonToken value = parser.nextToken();
            if (key) {
                return value.isScalarValue();
            }
            parser.skipChildren();
        }
        return false;
    }
}
