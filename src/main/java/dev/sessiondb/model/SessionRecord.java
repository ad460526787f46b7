package dev.sessiondb.model;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One session, immutable. The record's JSON object is the lossless truth: every field,
 * known or unknown, in the order the store wrote it. Known fields are read through typed
 * accessors; changes produce a new record.
 */
public final class SessionRecord {

    /** Field names that hold a record's key, in order of preference (Minsky 2025, Minsky 2026, chat and magellai). */
    public static final List<String> KEY_FIELDS = List.of("session", "sessionId", "id");

    private final ObjectNode fields;
    private final String key;
    /** Null for a record that read. */
    private final RecordDamage damage;
    private volatile String canonical;
    private volatile String compact;

    private SessionRecord(ObjectNode fields, String key, RecordDamage damage) {
        this.fields = fields;
        this.key = key;
        this.damage = damage;
    }

    /**
     * @throws IllegalArgumentException when the object has no text key field; callers turn
     *         that into a message naming the store and the record's position
     */
    public static SessionRecord of(ObjectNode fields) {
        return ofParsed(fields.deepCopy());
    }

    /**
     * A record over a tree the caller has just parsed and hands over: nobody else holds it, so
     * it is not copied (readers build a million of them).
     *
     * @throws IllegalArgumentException as {@link #of}
     */
    public static SessionRecord ofParsed(ObjectNode fields) {
        String key = keyOf(fields).orElseThrow(() -> new IllegalArgumentException(
                "the record has no 'session' field (nor 'sessionId' or 'id'); add the session name"));
        return new SessionRecord(fields, key, null);
    }

    /**
     * A stand-in for a stored record whose text no longer reads, holding its key alone: what a listing or a
     * validation gives in that record's place ({@link #damage()}) instead of stopping; a job never copies it.
     */
    public static SessionRecord unreadable(String key, RecordDamage damage) {
        return new SessionRecord(JsonNodeFactory.instance.objectNode().put(KEY_FIELDS.get(0), key), key, damage);
    }

    /**
     * As {@link #ofParsed}, for a tree parsed from {@code text} that is its compact form: as a store
     * keeps it, or a JSON file's bytes without the whitespace between tokens where those are what
     * the tree gives. That text stands as the record's {@link #compact()} form, so a record moved
     * into a store that keeps text is not written out again.
     */
    public static SessionRecord ofStoredText(ObjectNode fields, String text) {
        SessionRecord record = ofParsed(fields);
        record.compact = text;
        return record;
    }

    public static Optional<String> keyOf(JsonNode fields) {
        for (String name : KEY_FIELDS) {
            JsonNode value = fields.get(name);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return Optional.of(value.asText());
            }
        }
        return Optional.empty();
    }

    /** What is wrong with a stored record that no longer reads, for its {@linkplain #unreadable stand-in}; empty for a record that read. */
    public Optional<RecordDamage> damage() {
        return Optional.ofNullable(damage);
    }

    /** The session key: the value of {@code session}, {@code sessionId} or {@code id}. */
    public String key() {
        return key;
    }

    /** A copy of every field, in order. */
    public ObjectNode fields() {
        return fields.deepCopy();
    }

    /** A copy of every field, in order, its secrets masked ({@link SecretMasker#mask}): the masking's copy is the only one made. */
    public ObjectNode maskedFields() {
        return SecretMasker.mask(fields);
    }

    /**
     * What {@code reader} finds in the fields themselves, not a copy: for a pass over every record
     * (a diff compares each pair) where the copy would cost more than the look. {@code reader} must
     * not change them, nor keep them.
     */
    public <T> T readFields(Function<ObjectNode, T> reader) {
        return reader.apply(fields);
    }

    /** A copy of the value at {@code pointer} (a missing node when there is none): copies only that value, not the record. */
    public JsonNode at(JsonPointer pointer) {
        return fields.at(pointer).deepCopy();
    }

    /** Where this record keeps secrets ({@link SecretMasker#secretPaths}), read without copying the record. */
    public List<String> secretPaths() {
        return SecretMasker.secretPaths(fields);
    }

    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Whether the record has the field, null included: asked without copying its value (a conversation can be large). */
    public boolean has(String name) {
        return fields.get(name) != null;
    }

    public Optional<JsonNode> field(String name) {
        JsonNode value = fields.get(name);
        return value == null ? Optional.empty() : Optional.of(value.deepCopy());
    }

    public Optional<JsonNode> field(SessionField field) {
        return field(field.jsonName());
    }

    /** A known field as text; numbers and booleans give their JSON text, objects are absent. */
    public Optional<String> text(SessionField field) {
        JsonNode value = fields.get(field.jsonName());
        if (value == null || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    public Optional<String> taskId() {
        return text(SessionField.TASK_ID);
    }

    public Optional<String> repoName() {
        return text(SessionField.REPO_NAME);
    }

    public Optional<String> repoUrl() {
        return text(SessionField.REPO_URL);
    }

    public Optional<String> branch() {
        return text(SessionField.BRANCH);
    }

    public Optional<String> repoPath() {
        return text(SessionField.REPO_PATH);
    }

    public Optional<String> status() {
        return text(SessionField.STATUS);
    }

    public Optional<Timestamp> createdAt() {
        return text(SessionField.CREATED_AT).or(() -> textField("created")).map(Timestamp::parse);
    }

    public Optional<Timestamp> lastActivityAt() {
        return text(SessionField.LAST_ACTIVITY_AT).or(() -> textField("updated")).map(Timestamp::parse);
    }

    /** Minsky's PostgreSQL layout keeps this as the text "true"; both forms are read. */
    public Optional<Boolean> prApproved() {
        JsonNode value = fields.get(SessionField.PR_APPROVED.jsonName());
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return value.isBoolean() ? Optional.of(value.booleanValue()) : Optional.of(Boolean.parseBoolean(value.asText()));
    }

    public Optional<JsonNode> prState() {
        return field(SessionField.PR_STATE);
    }

    public Optional<JsonNode> pullRequest() {
        return field(SessionField.PULL_REQUEST);
    }

    /** The conversation: a top-level {@code messages} array, or magellai's {@code conversation.messages}. */
    public List<Message> messages() {
        JsonNode array = fields.path("messages");
        if (!array.isArray()) {
            array = fields.path("conversation").path("messages");
        }
        List<Message> messages = new ArrayList<>();
        for (JsonNode message : array) {
            JsonNode time = message.path("timestamp");
            messages.add(new Message(
                    message.path("id").asText(null),
                    message.path("role").asText(null),
                    message.path("content").asText(null),
                    time.isValueNode() ? Timestamp.parse(time.asText()) : null,
                    message.has("metadata") ? message.get("metadata").deepCopy() : null));
        }
        return messages;
    }

    /** Fields Minsky does not define, in order: kept and written back untouched. */
    public Map<String, JsonNode> unknownFields() {
        Map<String, JsonNode> unknown = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = fields.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (SessionField.byJsonName(entry.getKey()).isEmpty()) {
                unknown.put(entry.getKey(), entry.getValue().deepCopy());
            }
        }
        return unknown;
    }

    /** A copy with one field set (appended when new, replaced in place when present). */
    public SessionRecord with(String name, JsonNode value) {
        ObjectNode copy = fields.deepCopy();
        copy.set(name, value);
        return of(copy);
    }

    public SessionRecord with(String name, String value) {
        return with(name, JsonNodeFactory.instance.textNode(value));
    }

    public SessionRecord without(String name) {
        ObjectNode copy = fields.deepCopy();
        copy.remove(name);
        return of(copy);
    }

    /** Field order and number widths (an int 100 read back as a long 100) do not make two records differ. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SessionRecord that && canonical().equals(that.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    /** The record as canonical JSON (sorted keys), computed once on first use. */
    public String canonical() {
        String text = canonical;
        if (text == null) {
            text = JsonCodec.canonical(fields);
            canonical = text;
        }
        return text;
    }

    /**
     * The record as JSON text in its own field order, how native stores keep it: compact as this
     * tool writes it, or the text the record was read from ({@link #ofStoredText}); computed once.
     */
    public String compact() {
        String text = compact;
        if (text == null) {
            text = JsonCodec.compact(fields);
            compact = text;
        }
        return text;
    }

    @Override
    public String toString() {
        return "SessionRecord[" + key + "]";
    }

    private Optional<String> textField(String name) {
        JsonNode value = fields.get(name);
        return value != null && value.isValueNode() && !value.isNull() ? Optional.of(value.asText()) : Optional.empty();
    }
}
