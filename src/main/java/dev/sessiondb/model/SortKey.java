package dev.sessiondb.model;

/**
 * Columns a page of sessions can be sorted by. Every backend sorts the same way: by {@link #orderValueOf} as text (binary
 * order), records without a value last, then by key.
 */
public enum SortKey {
    SESSION(SessionField.SESSION),
    TASK_ID(SessionField.TASK_ID),
    REPO_NAME(SessionField.REPO_NAME),
    BRANCH(SessionField.BRANCH),
    STATUS(SessionField.STATUS),
    CREATED_AT(SessionField.CREATED_AT),
    LAST_ACTIVITY_AT(SessionField.LAST_ACTIVITY_AT);

    private final SessionField field;

    SortKey(SessionField field) {
        this.field = field;
    }

    public SessionField field() {
        return field;
    }

    /** The value this key sorts a record by; dates sort by instant, as fixed-width UTC text. */
    public java.util.Optional<String> valueOf(SessionRecord record) {
        return switch (this) {
            case SESSION -> java.util.Optional.of(record.key());
            case CREATED_AT -> record.createdAt().flatMap(Timestamp::sortable);
            case LAST_ACTIVITY_AT -> record.lastActivityAt().flatMap(Timestamp::sortable);
            default -> record.text(field);
        };
    }

    /** What a record sorts by: its {@link #valueOf}, a task id in task order ({@link TaskIdOrder#sortText}). */
    public java.util.Optional<String> orderValueOf(SessionRecord record) {
        return this == TASK_ID ? valueOf(record).map(TaskIdOrder::sortText) : valueOf(record);
    }
}
