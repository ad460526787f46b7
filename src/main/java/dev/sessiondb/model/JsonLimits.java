package dev.sessiondb.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * What every JSON (and YAML) reader and writer the project makes accepts, set here once. A session store's values may
 * be any size: a note of 30 million characters is valid JSON that other tools wrote, so text, names and documents have
 * no limit but memory (Jackson's defaults refused a string over 20 MB). What stays bounded is what costs more than its
 * size: nesting, as the engine walks trees by recursion and SQLite's JSON functions stop at the same depth, and a
 * number's digits, whose exact conversion grows faster than their count.
 */
public final class JsonLimits {

    /** The deepest nesting read or written: SQLite's JSON functions' limit too, so no store holds deeper JSON it can query. */
    public static final int MAX_NESTING_DEPTH = 1000;
    /** The longest number, in characters: far beyond any count, time or id, short enough to convert exactly at once. */
    public static final int MAX_NUMBER_LENGTH = 100_000;

    private static final StreamReadConstraints READ = StreamReadConstraints.builder()
            .maxStringLength(Integer.MAX_VALUE)
            .maxNameLength(Integer.MAX_VALUE)
            .maxDocumentLength(-1)
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .build();
    private static final StreamWriteConstraints WRITE = StreamWriteConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build();

    private JsonLimits() {
    }

    /** {@code factory} with these limits, for a mapper over another format (YAML). */
    public static <F extends JsonFactory> F applied(F factory) {
        factory.setStreamReadConstraints(READ);
        factory.setStreamWriteConstraints(WRITE);
        return factory;
    }

    /** A JSON mapper's builder with these limits: every JSON mapper the project makes starts here. */
    public static JsonMapper.Builder mapperBuilder() {
        return JsonMapper.builder(applied(new JsonFactory()));
    }

    /**
     * A value past a limit, for a message: where it is (the top-level field of the object at {@code objectDepth} the parser
     * was in) and which limit, so that valid JSON is never called damaged. {@code parser} is where the refusal happened.
     */
    public static BeyondLimitException beyond(StreamConstraintsException refused, JsonParser parser, int objectDepth) {
        return new BeyondLimitException(fieldAt(parser.getParsingContext(), objectDepth), limit(refused), refused);
    }

    /** As {@link #beyond(StreamConstraintsException, JsonParser, int)} for a JSON text parsed whole: read again to find where (only when refused). */
    static BeyondLimitException beyond(StreamConstraintsException refused, String text) {
        try (JsonParser parser = JsonCodec.MAPPER.createParser(text)) {
            try {
                while (parser.nextToken() != null) {
                    // every limit left is checked as a token is read, so no value need be built
                }
            } catch (StreamConstraintsException again) {
                return beyond(again, parser, 1);
            }
        } catch (IOException e) {
            // the first read found no other fault; the limit is still worth saying without the field
        }
        return new BeyondLimitException(Optional.empty(), limit(refused), refused);
    }

    /** The name of the field of the object at {@code objectDepth} that holds where the parser is; empty above that object. */
    private static Optional<String> fieldAt(JsonStreamContext context, int objectDepth) {
        JsonStreamContext at = context;
        while (at != null && at.getNestingDepth() > objectDepth) {
            at = at.getParent();
        }
        return at == null || at.getNestingDepth() != objectDepth || !at.inObject() ? Optional.empty() : Optional.ofNullable(at.getCurrentName());
    }

    private static String limit(StreamConstraintsException refused) {
        String message = String.valueOf(refused.getOriginalMessage());
        if (message.startsWith("Document nesting depth")) {
            return "is nested more than " + MAX_NESTING_DEPTH + " levels deep, the most sessiondb reads (as SQLite's JSON functions)";
        }
        if (message.startsWith("Number value length")) {
            return "holds a number longer than " + MAX_NUMBER_LENGTH + " characters, the longest sessiondb reads";
        }
        return "is past a limit of sessiondb's JSON reader (" + message.replaceAll("\\s*\\(from [^)]*\\)", "") + ")";
    }

    /** Valid JSON holding a value past a limit: what and where, without quoting the value. */
    public static final class BeyondLimitException extends RuntimeException {

        private final transient Optional<String> field;
        private final String limit;

        BeyondLimitException(Optional<String> field, String limit, StreamConstraintsException cause) {
            super(field.map(name -> "field '" + name + "' ").orElse("a value ") + limit, cause);
            this.field = field;
            this.limit = limit;
        }

        /** The top-level field holding the value, when known. */
        public Optional<String> field() {
            return field;
        }

        /** Which limit, as the end of a sentence: "is nested more than 1000 levels deep, …". */
        public String limit() {
            return limit;
        }

        /** What to do: the JSON is valid, so the value is to be made smaller, not the record removed. */
        public static String advice() {
            return "the JSON is valid, but sessiondb cannot read a value past this limit; make that value smaller in the tool that wrote it";
        }
    }
}
