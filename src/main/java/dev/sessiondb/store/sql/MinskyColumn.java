package dev.sessiondb.store.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.Timestamp;
import dev.sessiondb.store.ValueChange;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * One column of a Minsky table and how a field's JSON value is kept in it, the way Minsky itself
 * writes it: JSON-encoded {@code prState}/{@code pullRequest}, {@code prApproved} as the JSON text
 * {@code true} and {@code false} as NULL (Minsky writes {@code prApproved || null} in every SQL era),
 * integers in integer columns, text columns (PostgreSQL's {@code last_activity_at}) taking the text as
 * it is. A value the column cannot give back, even in its own form (a number in a text column, a date
 * with digits past the millisecond in a timestamp column), is reported by {@link #holds} so nothing is lost silently.
 *
 * @param limits the column as the database declares it: length limit and NOT NULL
 */
record MinskyColumn(SessionField field, String name, Kind kind, TableCatalog.Column limits) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** How the value is stored. */
    enum Kind {
        TEXT, BOOLEAN_TEXT, BOOLEAN, JSON, TIMESTAMP, INTEGER, UUID
    }

    /**
     * The column's declared type decides, in SQLite too: Minsky 2026 declares {@code commit_count INTEGER}
     * there, and SQLite then gives back a number, not text.
     */
    static MinskyColumn of(SessionField field, TableCatalog.Column column, Dialect dialect) {
        boolean typed = dialect == Dialect.POSTGRESQL;
        Kind kind = switch (field.type()) {
            case BOOLEAN -> typed && column.isBoolean() ? Kind.BOOLEAN : Kind.BOOLEAN_TEXT;
            case JSON -> Kind.JSON;
            case TIMESTAMP -> typed && column.isTimestamp() ? Kind.TIMESTAMP : Kind.TEXT;
            case INTEGER -> column.isInteger() ? Kind.INTEGER : Kind.TEXT;
            case TEXT -> typed && column.isUuid() ? Kind.UUID : Kind.TEXT;
        };
        return new MinskyColumn(field, column.name(), kind, column);
    }

    boolean notNull() {
        return limits.notNull();
    }

    /**
     * True when Minsky stores this value as NULL, so the record it reads back has no such field: a JSON null,
     * which the column cannot tell from no value, and {@code prApproved: false} in a text column.
     */
    boolean storesAsNull(JsonNode value) {
        return value != null && (value.isNull() || kind == Kind.BOOLEAN_TEXT && value.isBoolean() && !value.booleanValue());
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

    /**
     * True when reading the column back gives this value, as it is or in the column's form of the same
     * value: a date to the millisecond it has comes back in Minsky's form, a null as no value. A date
     * with finer digits than the column's milliseconds is not held: they would be cut.
     */
    boolean holds(JsonNode value) {
        return change(value).filter(ValueChange::lossy).isEmpty();
    }

    /**
     * How the column keeps this value when not as it is: empty when it gives it back unchanged or in its own form of the
     * same value (a date without milliseconds, a null); an upper-case UUID kept lower-case, as PostgreSQL's uuid type gives
     * every UUID back; the digits past the millisecond cut from a date it otherwise keeps; else not kept.
     */
    Optional<ValueChange> change(JsonNode value) {
        if (storesAsNull(value) || keeps(value)) {
            return Optional.empty();
        }
        if (kind == Kind.UUID && value.isTextual() && heldUuid(value.asText()).isPresent()) {
            return Optional.of(ValueChange.KEPT_LOWER_CASE);
        }
        if (kind == Kind.TIMESTAMP && value.isTextual()) {
            Optional<Instant> instant = Timestamp.parse(value.asText()).toInstant();
            if (instant.isPresent()) {
                return instant.get().getNano() % 1_000_000 == 0 ? Optional.empty() : Optional.of(ValueChange.DIGITS_PAST_MILLISECOND_CUT);
            }
        }
        if (kind == Kind.INTEGER || kind == Kind.BOOLEAN || kind == Kind.BOOLEAN_TEXT) {
            return Optional.of(typedFromText(value).isPresent() ? ValueChange.KEPT_AS_COLUMN_TYPE : ValueChange.WRONG_TYPE);
        }
        return Optional.of(ValueChange.NOT_KEPT);
    }

    /** The one value of an INTEGER or boolean column's type that text means ({@code "12"}, {@code "true"}), if there is one. */
    private Optional<JsonNode> typedFromText(JsonNode value) {
        return value.isTextual() ? field.type().meantBy(value) : Optional.empty();
    }

    /** The value as the column takes it, or null when the record has none or its value has no value of the column's type. */
    Object toColumn(JsonNode value) {
        if (value == null || storesAsNull(value)) {
            return null;
        }
        if ((kind == Kind.INTEGER || kind == Kind.BOOLEAN || kind == Kind.BOOLEAN_TEXT) && !keeps(value)) {
            // never written as another type than the column's, which Minsky could not read: its value of that type, or nothing
            return typedFromText(value).map(typed -> kind == Kind.INTEGER ? (Object) typed.asLong() : typed.asText()).orElse(null);
        }
        return switch (kind) {
            case JSON -> JsonCodec.compact(value);
            case INTEGER -> value.asLong();
            case TIMESTAMP -> Timestamp.parse(value.asText()).toInstant().map(Object::toString).orElse(null);
            case UUID -> heldUuid(value.asText()).orElse(value.asText());
            default -> value.asText();
        };
    }

    /**
     * What reading the column back gives for {@code value}, which it may not keep as it is (a number in
     * a text column comes back as its text, a date in another form as Minsky's); empty when nothing is stored.
     */
    Optional<JsonNode> readBack(JsonNode value) {
        Object stored = toColumn(value);
        if (stored == null) {
            return Optional.empty();
        }
        return switch (kind) {
            case TIMESTAMP -> Timestamp.parse(value.asText()).sortable().map(JSON::textNode);
            case UUID -> validUuid(stored.toString()).map(JSON::textNode);
            default -> Optional.of(fromColumn(stored.toString()));
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
            case INTEGER -> integerOrText(text);
            default -> JSON.textNode(text);
        };
    }

    /** SQLite may hold text in an INTEGER column (a hand edit): it is shown as the text it holds. */
    private static JsonNode integerOrText(String text) {
        try {
            long value = Long.parseLong(text);
            return value == (int) value ? JSON.numberNode((int) value) : JSON.numberNode(value);
        } catch (NumberFormatException e) {
            return JSON.textNode(text);
        }
    }

    private static JsonNode parseJson(String text) {
        try {
            return JsonCodec.parse(text);
        } catch (JsonProcessingException e) {
            // a hand-edited cell that is not JSON is shown as the text it holds
            return JSON.textNode(text);
        }
    }

    /**
     * The UUID in PostgreSQL's lower-case form when {@code text} is one in the canonical 8-4-4-4-12 form in any case; empty for
     * other text, including the short forms Java reads leniently ("1-1-1-1-1"), which PostgreSQL refuses.
     */
    private static Optional<String> heldUuid(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return validUuid(lower).filter(lower::equals);
    }

    private static Optional<String> validUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
