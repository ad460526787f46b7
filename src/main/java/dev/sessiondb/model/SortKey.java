package dev.sessiondb.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Columns a page of sessions can be sorted and filtered by. Every backend sorts the same way: by {@link #orderValueOf} as
 * text (binary order), records without a value last, then by key. Minsky's fields come first; then the fields a chat
 * server's and magellai's sessions are listed by ({@link SessionKind#listedFields}), which only their sessions have.
 */
public enum SortKey {
    SESSION(SessionField.SESSION),
    TASK_ID(SessionField.TASK_ID),
    REPO_NAME(SessionField.REPO_NAME),
    BRANCH(SessionField.BRANCH),
    STATUS(SessionField.STATUS),
    CREATED_AT(SessionField.CREATED_AT),
    LAST_ACTIVITY_AT(SessionField.LAST_ACTIVITY_AT),
    TENANT_ID("tenantId", "Tenant"),
    USER_ID("userId", "User"),
    NAME("name", "Name"),
    MODEL("conversation.model", "Model");

    private final SessionField minskyField;
    private final FieldPath path;
    private final String label;

    SortKey(SessionField field) {
        this.minskyField = field;
        this.path = new FieldPath(field.jsonName());
        this.label = null;
    }

    SortKey(String path, String label) {
        this.minskyField = null;
        this.path = new FieldPath(path);
        this.label = label;
    }

    /**
     * The name both shells head this field's column by, the window's table and {@code ls}'s ("Tenant", "Model"): a chat
     * server's and magellai's fields. None for Minsky's, whose columns each shell names in its own way.
     */
    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    /** The {@link #label} of the field at {@code path}, if a key sorts by it and it has one. */
    public static Optional<String> labelOf(String path) {
        return Arrays.stream(values()).filter(key -> key.fieldName().equals(path)).findFirst().flatMap(SortKey::label);
    }

    /** The field as a user names it: Minsky's JSON name, or another kind's field by its dotted path. */
    public String fieldName() {
        return path.path();
    }

    /** The Minsky field this key is, which Minsky's own tables have a column for; none for another kind's field. */
    public Optional<SessionField> minskyField() {
        return Optional.ofNullable(minskyField);
    }

    /** The field as the window and a search's findings name it: "Branch", its {@link #label} ("Tenant", "Model"); a time by its JSON name. */
    public String shownName() {
        return label().orElseGet(() -> switch (this) {
            case SESSION -> "Session";
            case TASK_ID -> "Task";
            case REPO_NAME -> "Repo";
            case BRANCH -> "Branch";
            case STATUS -> "Status";
            default -> fieldName();
        });
    }

    /** Whether its values are points in time, sorted and shown as UTC. */
    public boolean isTimestamp() {
        return minskyField != null && minskyField.type() == FieldType.TIMESTAMP;
    }

    /** The value this key sorts a record by; dates sort by instant, as fixed-width UTC text. */
    public Optional<String> valueOf(SessionRecord record) {
        return switch (this) {
            case SESSION -> Optional.of(record.key());
            case CREATED_AT -> record.createdAt().flatMap(Timestamp::sortable);
            case LAST_ACTIVITY_AT -> record.lastActivityAt().flatMap(Timestamp::sortable);
            default -> minskyField != null ? record.text(minskyField) : path.storedText(record);
        };
    }

    /** What a record sorts by: its {@link #valueOf}, a task id in task order ({@link TaskIdOrder#sortText}). */
    public Optional<String> orderValueOf(SessionRecord record) {
        return this == TASK_ID ? valueOf(record).map(TaskIdOrder::sortText) : valueOf(record);
    }
}
