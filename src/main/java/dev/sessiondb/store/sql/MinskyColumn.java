package dev.sessiondb.store.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.Timestamp;
import java.util.Optional;
import java.util.UUID;

/**
 * One column of a Minsky table and how a field's JSON value is kept in it. A value the column
 * cannot give back exactly (a number in a text column, a date not in canonical form in a
 * timestamp column) is reported by {@link #keeps} so nothing is lost silently.
 */
record MinskyColumn(SessionField field, String name, Kind kind, boolean notNull) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** How the value is stored. */
    enum Kind {
        TEXT, BOOLEAN_TEXT, BOOLEAN, JSON, TIMESTAMP, INTEGER, UUID
    }

    /** SQLite keeps whatever it is given, so there only JSON and booleans are told apart from text. */
    static MinskyColumn of(SessionField field, Dialect.ColumnInfo column, Dialect dialect) {
        boolean typed = dialect == Dialect.POSTGRESQL;
        Kind kind = switch (field.type()) {
            case BOOLEAN -> typed && column.isBoolean() ? Kind.BOOLEAN : Kind.BOOLEAN_TEXT;
            case JSON -> Kind.JSON;
            case TIMESTAMP -> typed && column.isTimestamp() ? Kind.TIMESTAMP : Kind.TEXT;
            case INTEGER -> typed && column.isInteger() ? Kind.INTEGER : Kind.TEXT;
            case TEXT -> typed && column.isUuid() ? Kind.UUID : Kind.TEXT;
        };
        return new MinskyColumn(field, column.name(), kind, column.notNull());
    }

    /** What to select: timestamps come back as fixed-width UTC text, the form they sort by. */
    String select() {
        String column = "s." + Dialect.quote(name);
        return switch (kind) {
            case TIMESTAMP -> "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
            case BOOLEAN, INTEGER, UUID -> "CAST(" + column + " AS TEXT)";
            default -> column;
        };
    }

    /** True when the column gives this value back unchanged. */
    boolean keeps(JsonNode value) {
        return switch (kind) {
            case TEXT -> value.isTextual();
            case BOOLEAN_TEXT, BOOLEAN -> value.isBoolean();
            case JSON -> !value.isNull();
            case TIMESTAMP -> value.isTextual() && Timestamp.parse(value.asText()).sortable().filter(value.asText()::equals).isPresent();
            case INTEGER -> value.isIntegralNumber() && value.canConvertToLong();
            case UUID -> value.isTextual() && validUuid(value.asText()).filter(value.asText()::equals).isPresent();
        };
    }

    /** The value as the column takes it, or null when the record has none. */
    Object toColumn(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return switch (kind) {
            case JSON -> JsonCodec.compact(value);
            case INTEGER -> value.isIntegralNumber() ? value.asLong() : value.asText();
            case TIMESTAMP -> Timestamp.parse(value.asText()).toInstant().map(Object::toString).orElse(null);
            default -> value.asText();
        };
    }

    /** The stored text back as the field's JSON value. */
    JsonNode fromColumn(String text) {
        return switch (kind) {
            case BOOLEAN_TEXT, BOOLEAN -> switch (text) {
                case "true", "t" -> JSON.booleanNode(true);
                case "false", "f" -> JSON.booleanNode(false);
                default -> JSON.textNode(text);
            };
            case JSON -> parseJson(text);
            case INTEGER -> integer(Long.parseLong(text));
            default -> JSON.textNode(text);
        };
    }

    private static JsonNode integer(long value) {
        return value == (int) value ? JSON.numberNode((int) value) : JSON.numberNode(value);
    }

    private static JsonNode parseJson(String text) {
        try {
            return JsonCodec.parse(text);
        } catch (JsonProcessingException e) {
            // a hand-edited cell that is not JSON is shown as the text it holds
            return JSON.textNode(text);
        }
    }

    private static Optional<String> validUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
