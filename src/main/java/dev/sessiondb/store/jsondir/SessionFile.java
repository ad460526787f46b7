package dev.sessiondb.store.jsondir;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.JsonLimits;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.files.AtomicFiles;
import dev.sessiondb.store.file.BadInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** One session's file in a directory store: read whole (they are small), written in Minsky's 2-space layout. */
final class SessionFile {

    private SessionFile() {
    }

    /** Reads a session file; anything but one JSON object with a key is an error naming the file and position. */
    static SessionRecord read(Path file) {
        return BadInput.reading(file, () -> {
            try (JsonParser parser = JsonCodec.MAPPER.createParser(file.toFile())) {
                JsonToken token = parser.nextToken();
                JsonLocation start = parser.currentTokenLocation();
                if (token != JsonToken.START_OBJECT) {
                    throw BadInput.at(file, start, token == null ? "the file is empty, not a session object" : "the top level is not a session object");
                }
                ObjectNode fields = readObject(file, parser);
                if (parser.nextToken() != null) {
                    throw BadInput.at(file, parser.currentTokenLocation(), "unexpected content after the session object");
                }
                if (SessionRecord.keyOf(fields).isEmpty()) {
                    Optional<String> notText = SessionRecord.KEY_FIELDS.stream().filter(name -> fields.has(name) && !fields.get(name).isTextual())
                            .findFirst().map(name -> "the session's '" + name + "' field is " + JsonCodec.describeType(fields.get(name))
                                    + ", not text; write the session name as a string");
                    Optional<String> empty = SessionRecord.KEY_FIELDS.stream().filter(name -> fields.has(name) && fields.get(name).isTextual())
                            .findFirst().map(name -> "the session's '" + name + "' is empty; give the session " + (name.equals("id") ? "an id" : "a name"));
                    throw BadInput.at(file, start, notText.or(() -> empty)
                            .orElse("the session has no 'id' field (nor 'session' or 'sessionId'); add the session id"));
                }
                return SessionRecord.ofParsed(fields);
            }
        });
    }

    /** The session object the parser is at; a value in it past a {@linkplain JsonLimits limit} is named with its field. */
    private static ObjectNode readObject(Path file, JsonParser parser) throws IOException {
        try {
            return (ObjectNode) JsonCodec.FILE_TREE_READER.readTree(parser);
        } catch (StreamConstraintsException e) {
            throw BadInput.beyondLimit(file, null, JsonLimits.beyond(e, parser, 1));
        }
    }

    /** Writes a record durably, as {@code JSON.stringify(record, null, 2)} would. */
    static void write(Path file, SessionRecord record) throws IOException {
        byte[] text = JsonCodec.MAPPER.writer(JsonCodec.minskyPrettyPrinter()).writeValueAsBytes(record.fields());
        AtomicFiles.writeDurably(file, out -> out.write(text));
    }
}
