package dev.sessiondb.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a store keeps a field's value that it does not keep exactly as given. A lossy change needs
 * the user's leave (a job's --allow-loss); the others are the store's own form of the same value.
 */
public enum ValueChange {

    /** The field is not kept as it is: no column for it, or a value its column cannot give back. */
    NOT_KEPT(true),
    /** A date the column keeps to the millisecond: the digits past it are cut, the rest of the date is kept. */
    DIGITS_PAST_MILLISECOND_CUT(true),
    /** An upper-case UUID in a uuid column, which gives the same UUID back in lower case. */
    KEPT_LOWER_CASE(false);

    private final boolean lossy;

    ValueChange(boolean lossy) {
        this.lossy = lossy;
    }

    /** Whether the value read back is less than the value given, so writing it needs leave to lose. */
    public boolean lossy() {
        return lossy;
    }

    /** The change for one field, as plans word it ("createdAt: digits past the millisecond cut"). */
    public String describe(String field) {
        return switch (this) {
            case NOT_KEPT -> field + ": not kept (the target cannot hold it)";
            case DIGITS_PAST_MILLISECOND_CUT -> field + ": digits past the millisecond cut (the target keeps dates to the millisecond)";
            case KEPT_LOWER_CASE -> field + ": kept lower-case (the target's uuid column gives the same UUID back in lower case)";
        };
    }

    /** Each of {@code fields} as not kept, in their order. */
    public static Map<String, ValueChange> notKept(Set<String> fields) {
        Map<String, ValueChange> changes = new LinkedHashMap<>();
        fields.forEach(field -> changes.put(field, NOT_KEPT));
        return changes;
    }
}
