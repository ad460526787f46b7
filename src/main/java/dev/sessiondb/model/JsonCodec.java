package dev.sessiondb.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The one Jackson configuration of the engine: numbers kept exactly as written (no double
 * rounding), field order kept, and a canonical form (sorted keys) for hashing and comparing.
 */
public final class JsonCodec {

    public static final ObjectMapper MAPPER = JsonLimits.mapperBuilder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /**
     * Reads a tree from a file a person may have edited: a field name twice in one object is an
     * error naming where, not the last value kept silently (which a migration would then make
     * the only one). Checked only when a name repeats, so it costs a read nothing.
     */
    public static final ObjectReader FILE_TREE_READER = MAPPER.readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private static final ObjectMapper CANONICAL = JsonLimits.mapperBuilder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private JsonCodec() {
    }

    /**
     * The layout Minsky writes ({@code JSON.stringify(value, null, 2)}): two-space indent,
     * {@code "key": value}, {@code []} and {@code {}} when empty. A fresh instance per generator.
     */
    public static PrettyPrinter minskyPrettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator("")
                .withObjectEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    /** JSON text in Minsky's layout, without a trailing newline; an unpaired surrogate escaped as by {@link #compact}. */
    public static String pretty(JsonNode node) {
        try {
            return LoneSurrogates.escapedInJson(MAPPER.writer(minskyPrettyPrinter()).writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Jackson's reason for refusing JSON text, its first line, without the text it quotes: an unquoted word
     * ({@code "password": hunter2}) is the user's value, maybe a secret, and the line and column say where it is. Its source
     * excerpt and parser state are left out too.
     */
    public static String problem(JsonProcessingException refused) {
        String reason = String.valueOf(refused.getOriginalMessage()).lines().findFirst().orElse("parse error");
        return reason.replaceFirst("^Unrecognized token '.*'(: was expecting)", "Unrecognized word$1")
                // the parser's wording names its own setting, which a user cannot change
                .replaceFirst(": maybe a \\(non-standard\\) comment\\? \\(not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser\\)",
                        ": a comment, which JSON does not allow; remove it")
                .replaceFirst("^Unexpected character \\('(.+?)' \\(code \\d+\\)\\)", "Unexpected character '$1'")
                .replaceFirst("^Numeric value \\([^)]*\\)", "A number")
                .replaceAll("\\s*\\(start marker at [^)]*\\)+", "").replaceAll("\\s*\\[Source:[^\\]]*\\]", "").strip();
    }

    /**
     * The refusal to log as a cause: {@link #problem} where Jackson's message was, and its stack trace, so no log
     * line quotes the text ({@link Throwable#toString} and every "Caused by" print the message whole).
     */
    public static IOException withoutQuotedText(JsonProcessingException refused) {
        IOException cause = new IOException(refused.getClass().getSimpleName() + ": " + problem(refused));
        cause.setStackTrace(refused.getStackTrace());
        return cause;
    }

    /**
     * Parses JSON text; {@link JsonProcessingException} carries the line and column for the caller's message, and valid
     * JSON past a {@linkplain JsonLimits limit} is a {@link JsonLimits.BeyondLimitException} naming the field and the limit.
     */
    public static JsonNode parse(String text) throws JsonProcessingException {
        try {
            return MAPPER.readTree(text);
        } catch (StreamConstraintsException e) {
            throw JsonLimits.beyond(e, text);
        }
    }

    public static ObjectNode parseObject(String text) throws JsonProcessingException {
        JsonNode node = parse(text);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("expected a JSON object but found " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return object;
    }

    /** What a value is, for a message: "an object", "an array", "a number", "a boolean", "a string" or "null". */
    public static String describeType(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> "null";
        };
    }

    /**
     * Compact JSON text in the node's own field order; an unpaired surrogate escaped
     * ({@link LoneSurrogates#escapedInJson}), as Jackson would write it raw and UTF-8 loses it.
     */
    public static String compact(JsonNode node) {
        try {
            return LoneSurrogates.escapedInJson(MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compact JSON text with object keys sorted at every depth: equal content gives equal text.
     * Walks the tree straight into one generator (hashing a million records spends most of its
     * time here); floating-point numbers take the map conversion, which settles their form. An
     * unpaired surrogate is escaped, so that records differing only there hash differently.
     */
    public static String canonical(JsonNode node) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator generator = CANONICAL.getFactory().createGenerator(text)) {
            writeCanonical(node, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LoneSurrogates.escapedInJson(text.toString());
    }

    private static void writeCanonical(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>(node.size());
                node.fieldNames().forEachRemaining(names::add);
                Collections.sort(names);
                generator.writeStartObject();
                for (String name : names) {
                    generator.writeFieldName(name);
                    writeCanonical(node.get(name), generator);
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    writeCanonical(element, generator);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    // a long's digits without a BigInteger made and printed per number (a fifth of the canonical text's time)
                    if (node.canConvertToLong()) {
                        generator.writeNumber(node.longValue());
                    } else {
                        generator.writeNumber(node.bigIntegerValue());
                    }
                } else {
                    generator.writeRawValue(CANONICAL.writeValueAsString(CANONICAL.treeToValue(node, Object.class)));
                }
            }
            default -> generator.writeRawValue(CANONICAL.writeValueAsString(CANONICAL.treeToValue(node, Object.class)));
        }
    }
}
