package dev.sessiondb.model;

import java.util.Optional;

/**
 * Keeps the sessions whose field equals the value exactly or, with no value, the sessions that
 * have none in that field (as {@link SortKey#valueOf} sees it; an empty text is a value).
 */
public record FieldFilter(SortKey field, Optional<String> value) {

    public FieldFilter(SortKey field, String value) {
        this(field, Optional.of(value));
    }

    /** Keeps the sessions without a value in the field: "Task is (empty)". */
    public static FieldFilter withoutValue(SortKey field) {
        return new FieldFilter(field, Optional.empty());
    }

    public boolean matches(SessionRecord record) {
        return field.valueOf(record).equals(value);
    }
}
