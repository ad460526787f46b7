package dev.sessiondb.discovery;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sessiondb.files.LockSafeReads;
import dev.sessiondb.model.JsonCodec;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Tells a session store saved under a name of its own by the start of the JSON file: a bare array, {@code {"sessions": [...]}}
 * or Minsky's backup wrapper {@code {"data": {"sessions": [...]}}} whose first record is a session of a tool this app reads
 * (Minsky's, with a {@code "session"}, as in a copy kept as {@code back.json}; a chat server's, with an {@code "id"} and a
 * {@code "tenantId"}, or magellai's, with an {@code "id"} and a {@code "conversation"} object, as a migration into a JSON file
 * writes them), or one of magellai's sessions on its own (an object with an {@code "id"} and a {@code "conversation"}), whose
 * folder is magellai's store. Only the first {@link #BYTES_READ} bytes are read, so a search of a tree never parses a big file
 * whole; other JSON (a package.json, an array of numbers, an empty array) is neither.
 */
final class JsonFileStart {

    /** What a JSON file's start says it is. */
    enum Kind {
        MINSKY_STORE,
        CHAT_STORE,
        MAGELLAI_STORE,
        MAGELLAI_SESSION,
        OTHER
    }

    /** Far more than a record's start: Minsky writes {@code "session"} first, and a backup's wrapper fields are short. */
    static final int BYTES_READ = 64 * 1024;

    private JsonFileStart() {
    }

    static Kind of(Path file) {
        try (JsonParser parser = JsonCodec.MAPPER.getFactory().createParser(LockSafeReads.head(file, BYTES_READ))) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return firstRecordsKind(parser);
            }
            return first == JsonToken.START_OBJECT ? kindOfObject(parser) : Kind.OTHER;
        } catch (IOException | RuntimeException unreadableOrCutBeforeTheAnswer) {
            return Kind.OTHER;
        }
    }

    /** An outermost object: a Minsky store's wrapper, or a magellai session (its id and conversation in any order). */
    private static Kind kindOfObject(JsonParser parser) throws IOException {
        boolean id = false;
        boolean conversation = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("sessions") && value == JsonToken.START_ARRAY) {
                return firstRecordsKind(parser);
            }
            if (name.equals("data") && value == JsonToken.START_OBJECT) {
                return sessionsIn(parser);
            }
            id |= name.equals("id") && value.isScalarValue();
            conversation |= name.equals("conversation") && value == JsonToken.START_OBJECT;
            if (id && conversation) {
                return Kind.MAGELLAI_SESSION;
            }
            parser.skipChildren();
        }
        return Kind.OTHER;
    }

    /** Within a backup's {@code data} object: its {@code sessions} array. */
    private static Kind sessionsIn(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("sessions") && value == JsonToken.START_ARRAY) {
                return firstRecordsKind(parser);
            }
            parser.skipChildren();
        }
        return Kind.OTHER;
    }

    /** By the fields that tell a record's kind ({@code SessionKind.of}), as soon as they do: a chat's messages may run past what is read. */
    private static Kind firstRecordsKind(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return Kind.OTHER;
        }
        boolean id = false;
        boolean tenant = false;
        boolean conversation = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("session")) {
                return value.isScalarValue() ? Kind.MINSKY_STORE : Kind.OTHER;
            }
            id |= name.equals("id") && value.isScalarValue();
            tenant |= name.equals("tenantId") && value.isScalarValue();
            conversation |= name.equals("conversation") && value == JsonToken.START_OBJECT;
            if (id && conversation) {
                return Kind.MAGELLAI_STORE;
            }
            if (id && tenant) {
                return Kind.CHAT_STORE;
            }
            parser.skipChildren();
        }
        return Kind.OTHER;
    }
}
