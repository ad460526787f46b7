package dev.sessiondb.model;

/** Keeps the sessions whose field equals the value exactly. */
public record FieldFilter(SortKey field, String value) {

    public boolean matches(SessionRecord record) {
        return field.valueOf(record).map(value::equals).orElse(false);
    }
}
