package dev.sessiondb.store.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.file.BadInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the {@link JsonShape} of a Minsky JSON file as its records are streamed: the objects around the sessions
 * array up to its opening before the first record, their fields after it once the last was read, and that nothing
 * follows. A top level that holds no sessions array is an error saying what to change.
 */
final class JsonShapeReader {

    private final Path file;
    private final JsonParser parser;
    private final boolean trailingNewline;
    private final List<JsonShape.Level> levels = new ArrayList<>();

    JsonShapeReader(Path file, JsonParser parser, boolean trailingNewline) {
        this.file = file;
        this.parser = parser;
        this.trailingNewline = trailingNewline;
    }

    /** How many objects enclose the sessions array: none for a bare array. */
    int depth() {
        return levels.size();
    }

    /** The structure around the array; the fields after it are known once the last record was read. */
    JsonShape shape() {
        return new JsonShape(levels, trailingNewline);
    }

    /** Reads up to the sessions array: the array itself at the top, or the fields of the objects around it before it. */
    void readOpening() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new StoreException(file + ": the file is empty, not a list of sessions; if the store should hold no sessions,"
                    + " write [] into it; " + BadInput.ADVICE);
        }
        if (token == JsonToken.START_ARRAY) {
            return;
        }
        if (token != JsonToken.START_OBJECT) {
            throw BadInput.at(file, parser.currentTokenLocation(), "the top level is " + describe(token)
                    + ", not an array of sessions nor an object with a \"sessions\" array");
        }
        JsonLocation start = parser.currentTokenLocation();
        ObjectNode fields = JsonCodec.MAPPER.createObjectNode();
        if (!openObject(fields)) {
            throw BadInput.at(file, start, SessionRecord.KEY_FIELDS.stream().anyMatch(key -> fields.path(key).isTextual())
                    ? notAnArrayOfSessions() : "this object has no \"sessions\" array (nor a backup's \"data\" holding one)");
        }
    }

    /**
     * A file holding one session, or one a line as a script appending JSON Lines writes, not the array a store holds:
     * what to add to make it one. Looks only past the session just read: text that does not parse there is no second session.
     */
    private String notAnArrayOfSessions() {
        boolean anotherFollows;
        try {
            anotherFollows = parser.nextToken() == JsonToken.START_OBJECT;
        } catch (IOException unparsed) {
            anotherFollows = false;
        }
        return anotherFollows
                ? "the file holds one session object after another (JSON Lines), not an array of sessions; put them in one array:"
                        + " [ before the first, a comma after each but the last, ] after the last"
                : "the top level is one session object, not an array of sessions; put [ before it and ] after it to make a store of"
                        + " that one session";
    }

    /**
     * Reads an object's fields into {@code before} up to its sessions array, descending into a
     * backup's top-level {@code data}; false when the object has none (then {@code data} was an
     * ordinary field, kept with the others).
     */
    private boolean openObject(ObjectNode before) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals(JsonShape.SESSIONS)) {
                if (value != JsonToken.START_ARRAY) {
                    throw BadInput.at(file, parser.currentTokenLocation(), "\"sessions\" is " + describe(value) + ", not an array of sessions");
                }
                levels.add(new JsonShape.Level(before, name, JsonCodec.MAPPER.createObjectNode()));
                return true;
            }
            if (name.equals(JsonShape.BACKUP_DATA) && value == JsonToken.START_OBJECT && levels.isEmpty()) {
                levels.add(new JsonShape.Level(before, name, JsonCodec.MAPPER.createObjectNode()));
                ObjectNode data = JsonCodec.MAPPER.createObjectNode();
                if (openObject(data)) {
                    return true;
                }
                levels.clear();
                before.set(name, data);
            } else {
                before.set(name, JsonCodec.FILE_TREE_READER.readTree(parser));
            }
        }
        return false;
    }

    /** Reads the fields after the array in every enclosing object, then checks nothing follows. */
    void readClosing() throws IOException {
        for (int depth = levels.size() - 1; depth >= 0; depth--) {
            JsonShape.Level level = levels.get(depth);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                level.after().set(name, JsonCodec.FILE_TREE_READER.readTree(parser));
            }
        }
        JsonToken extra = parser.nextToken();
        if (extra != null) {
            throw BadInput.at(file, parser.currentTokenLocation(), "found " + describe(extra) + " after the end of the sessions");
        }
    }

    /** Names a token for a message: "an object", "the end of the file". */
    static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }

    /** Whether the file ends with a newline, which a write gives back. */
    static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) == '\n';
        }
    }
}
