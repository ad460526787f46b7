package dev.sessiondb.store.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.JsonLimits;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.file.BadInput;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Minsky JSON file one record at a time with a streaming parser, so memory stays
 * bounded by the largest record. Any structural problem is a {@link StoreException} naming
 * the file, line and column; nothing is ever read as an empty store by mistake.
 */
final class JsonRecordReader implements AutoCloseable {

    /**
     * Each key field's position in {@link SessionRecord#KEY_FIELDS}, looked up by every field name
     * of every record: one hash lookup (the parser's names keep their hash) instead of comparing
     * each name with each key field (a tenth of a 1M file's open).
     */
    private static final Map<String, Integer> KEY_FIELD_POSITIONS = positions(SessionRecord.KEY_FIELDS);
    private static final int SESSION_FIELD = SessionRecord.KEY_FIELDS.indexOf("session");

    private final Path file;
    private final JsonParser parser;
    /** The bytes the parser read, kept from each record's start on; null where records' texts are not wanted (a key scan). */
    private final RetainedInput retained;
    private final TokenStrip strip = new TokenStrip();
    private byte[] stripped = new byte[4096];
    /** The objects around the sessions array, read before the first record and after the last. */
    private final JsonShapeReader shapeReader;
    /** Each key field's value in the record being read, emptied for each record. */
    private final String[] keyValues = new String[SessionRecord.KEY_FIELDS.size()];
    private long recordNumber;
    // the record's start kept as numbers, not as the parser's location object, which is wanted
    // only for a message: a location object and a key array per record were 60% of what a 1M
    // file's key scan allocated (129 MB; 53 MB without them)
    private long recordOffset;
    private int recordLine;
    private int recordColumn;
    private long recordEnd;
    private boolean arrayEnded;

    private JsonRecordReader(Path file, JsonParser parser, RetainedInput retained, boolean trailingNewline) {
        this.file = file;
        this.parser = parser;
        this.retained = retained;
        this.shapeReader = new JsonShapeReader(file, parser, trailingNewline);
    }

    /** Opens the file and reads up to the first record, for its keys or its records' trees. */
    static JsonRecordReader open(Path file) {
        return open(file, false);
    }

    /**
     * As {@link #open}, for {@link #next}: each record comes with its compact text taken from the
     * bytes it was parsed from where that is the text its tree gives, instead of its tree written
     * out again (a third of what reading a Minsky file's records cost).
     */
    static JsonRecordReader openForRecords(Path file) {
        return open(file, true);
    }

    private static JsonRecordReader open(Path file, boolean keepTexts) {
        boolean trailingNewline = BadInput.reading(file, () -> JsonShapeReader.endsWithNewline(file));
        JsonRecordReader reader = BadInput.reading(file, () -> {
            if (!keepTexts) {
                return new JsonRecordReader(file, JsonCodec.MAPPER.createParser(file.toFile()), null, trailingNewline);
            }
            RetainedInput retained = new RetainedInput(new FileInputStream(file.toFile()));
            return new JsonRecordReader(file, JsonCodec.MAPPER.createParser(retained), retained, trailingNewline);
        });
        try {
            reader.reading(() -> {
                reader.shapeReader.readOpening();
                return null;
            });
            return reader;
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The next record in file order, or null after the last one (the rest of the file is then checked). */
    SessionRecord next() {
        ObjectNode fields = nextFields();
        if (fields == null) {
            return null;
        }
        String compact = retained == null ? null : compactAsParsed(fields);
        return compact == null ? SessionRecord.ofParsed(fields) : SessionRecord.ofStoredText(fields, compact);
    }

    /** The record just parsed as the bytes it was parsed from without the whitespace between tokens; null where that is not the text its tree gives. */
    private String compactAsParsed(ObjectNode fields) {
        long end = parser.currentLocation().getByteOffset();
        if (!retained.holds(recordOffset, end)) {
            return null;
        }
        byte[] bytes = retained.buffer();
        int from = retained.indexOf(recordOffset);
        int to = from + (int) (end - recordOffset);
        if (to - from < 2 || bytes[from] != '{' || bytes[to - 1] != '}') {
            return null;
        }
        if (stripped.length < to - from) {
            stripped = new byte[Math.max(to - from, stripped.length * 2)];
        }
        int length = strip.strip(bytes, from, to, stripped);
        if (!strip.asJacksonWrites()) {
            return null;
        }
        String text = new String(stripped, 0, length, StandardCharsets.UTF_8);
        if (!strip.ascii()) {
            // unsound UTF-8 decodes to replacement characters, which Jackson's tree does not hold
            byte[] again = text.getBytes(StandardCharsets.UTF_8);
            if (!Arrays.equals(again, 0, again.length, stripped, 0, length)) {
                return null;
            }
        }
        return text;
    }

    /** The next record's raw fields, checked to carry a key; null after the last one. */
    ObjectNode nextFields() {
        if (arrayEnded) {
            return null;
        }
        return reading(() -> {
            if (!startRecord()) {
                return null;
            }
            ObjectNode fields = (ObjectNode) JsonCodec.FILE_TREE_READER.readTree(parser);
            if (SessionRecord.keyOf(fields).isEmpty()) {
                JsonNode session = fields.get("session");
                if (session != null && session.isTextual()) {
                    throw emptyKey();
                }
                throw noKey(session == null || session.isNull() ? null : session.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            return fields;
        });
    }

    /**
     * The next record's key, as {@link SessionRecord#keyOf} would find it, without building the
     * record: its other values are only checked to be sound JSON. Null after the last one.
     */
    String nextKey() {
        if (arrayEnded) {
            return null;
        }
        return reading(() -> {
            if (!startRecord()) {
                return null;
            }
            Arrays.fill(keyValues, null);
            String sessionType = null;
            boolean sessionText = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                Integer keyField = KEY_FIELD_POSITIONS.get(parser.currentName());
                JsonToken value = parser.nextToken();
                if (keyField != null) {
                    // the last of a repeated name wins, as when the record is built
                    keyValues[keyField] = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    if (keyField == SESSION_FIELD) {
                        sessionType = value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NULL ? null : typeOf(value);
                        sessionText = value == JsonToken.VALUE_STRING;
                    }
                }
                parser.skipChildren();
            }
            recordEnd = parser.currentLocation().getByteOffset();
            for (String key : keyValues) {
                if (key != null && !key.isBlank()) {
                    return key;
                }
            }
            throw sessionText ? emptyKey() : noKey(sessionType);
        });
    }

    /**
     * Whether {@link #recordOffset} and {@link #recordEnd} are byte positions: the parser reads a
     * UTF-8 file's bytes itself, where a file in UTF-16 or UTF-32 is decoded first and has none.
     */
    boolean givesByteOffsets() {
        return parser.currentTokenLocation().getByteOffset() >= 0;
    }

    /** How many of the file's bytes the parser read, records' texts kept ({@link #openForRecords}); -1 where not counted. */
    long bytesRead() {
        return retained == null ? -1 : retained.bytesRead();
    }

    /** Where the last record returned starts, in bytes from the start of the file. */
    long recordOffset() {
        return recordOffset;
    }

    /** Where the record {@link #nextFields} just returned ends: the byte after its closing brace. */
    long parsedRecordEnd() {
        return parser.currentLocation().getByteOffset();
    }

    /** Where the last record {@link #nextKey} returned ends: the byte after its closing brace. */
    long recordEnd() {
        return recordEnd;
    }

    /**
     * Runs a step of reading the file as {@link BadInput#reading} does, and names the record a fault inside one is in (a
     * field named twice, a value past a {@linkplain JsonLimits limit}) with its field, or the top-level field outside them.
     */
    private <T> T reading(BadInput.Reading<T> step) {
        return BadInput.reading(file, () -> {
            try {
                return step.run();
            } catch (StreamConstraintsException e) {
                String record = recordReadNow();
                throw BadInput.beyondLimit(file, record, JsonLimits.beyond(e, parser, record != null ? recordDepth() : 1));
            } catch (JsonProcessingException e) {
                String record = recordReadNow();
                throw BadInput.notJson(file, record, record != null ? fieldReadNow() : null, e);
            }
        });
    }

    /** "record N (line L)" while the parser is inside that record; null between or outside records. */
    private String recordReadNow() {
        boolean inRecord = recordNumber > 0 && !arrayEnded && parser.getParsingContext().getNestingDepth() >= recordDepth();
        return inRecord ? "record " + recordNumber + " (line " + recordLine + ")" : null;
    }

    /** The innermost field of the record the parser is in (for a value in an array, the array's field); null before the first. */
    private String fieldReadNow() {
        for (JsonStreamContext context = parser.getParsingContext(); context != null && context.getNestingDepth() >= recordDepth();
                context = context.getParent()) {
            if (context.getCurrentName() != null) {
                return context.getCurrentName();
            }
        }
        return null;
    }

    /** A record is an object in the sessions array, which is one level inside each enclosing object. */
    private int recordDepth() {
        return shapeReader.depth() + 2;
    }

    /** Reads up to the next record's opening brace; false at the end of the array (the rest of the file is then checked). */
    private boolean startRecord() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            arrayEnded = true;
            shapeReader.readClosing();
            return false;
        }
        if (token == null) {
            throw BadInput.at(file, parser.currentLocation(), "the file ends before the sessions array is closed (truncated?)");
        }
        recordNumber++;
        JsonLocation start = parser.currentTokenLocation();
        recordOffset = start.getByteOffset();
        recordLine = start.getLineNr();
        recordColumn = start.getColumnNr();
        if (retained != null) {
            retained.keepFrom(recordOffset);
        }
        if (token != JsonToken.START_OBJECT) {
            throw BadInput.at(file, recordLocation(), "record " + recordNumber + " is " + JsonShapeReader.describe(token) + ", not a session object");
        }
        return true;
    }

    /** @param sessionType the JSON type of a 'session' field that is not text, or null when there is none */
    private StoreException noKey(String sessionType) {
        return BadInput.at(file, recordLocation(), sessionType != null
                ? "record " + recordNumber + "'s 'session' field is " + sessionType + ", not text; write the session name as a string"
                : "record " + recordNumber + " has no 'session' field (nor 'sessionId' or 'id'); add the session name");
    }

    /** The record's 'session' is a string with nothing but spaces in it (and no 'sessionId' or 'id' stands in). */
    private StoreException emptyKey() {
        return new StoreException(file + ": record " + recordNumber + " (line " + recordLine + "): 'session' is empty; give the session a name; "
                + BadInput.ADVICE);
    }

    private static Map<String, Integer> positions(List<String> names) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            positions.put(names.get(i), i);
        }
        return Collections.unmodifiableMap(positions);
    }

    /** Names a value's JSON type as Jackson's tree does ("number", "object"), for messages. */
    private static String typeOf(JsonToken value) {
        return switch (value) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            default -> value.asString() == null ? "a value" : value.name().toLowerCase(Locale.ROOT);
        };
    }

    /** Skips the remaining records without building them, then checks the rest of the file. */
    void skipRemaining() {
        reading(() -> {
            while (!arrayEnded) {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    arrayEnded = true;
                    shapeReader.readClosing();
                } else {
                    recordNumber++;
                    parser.skipChildren();
                }
            }
            return null;
        });
    }

    /** 1-based position of the last record returned. */
    long recordNumber() {
        return recordNumber;
    }

    /** Where the last record returned starts. */
    JsonLocation recordLocation() {
        return new JsonLocation(ContentReference.unknown(), recordOffset, -1, recordLine, recordColumn);
    }

    /** The structure around the array; the fields after it are known once the last record was read. */
    JsonShape shape() {
        return shapeReader.shape();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // A read-only stream: closing it cannot lose data.
        }
    }
}
