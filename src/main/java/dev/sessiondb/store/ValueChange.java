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
    /**
     * A value of another type than its column's that means no value of that type ({@code commitCount: "many"} or 3.7 for
     * an INTEGER column, {@code prApproved: "yes"}): not written, rather than written as another type Minsky cannot read.
     */
    WRONG_TYPE(true),
    /** An upper-case UUID in a uuid column, which gives the same UUID back in lower case. */
    KEPT_LOWER_CASE(false),
    /** Text that can mean only one value of its column's type ({@code "12"} in an INTEGER column, {@code "true"} for a boolean): kept as that value. */
    KEPT_AS_COLUMN_TYPE(false);

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
            case WRONG_TYPE -> field + ": not kept (a value of another type than the target's column, which Minsky cannot read;"
                    + " sessiondb validate --check field-type names each)";
            case KEPT_LOWER_CASE -> field + ": kept lower-case (the target's uuid column gives the same UUID back in lower case)";
            case KEPT_AS_COLUMN_TYPE -> field + ": text kept as the value it holds in the target column's type (\"12\" as 12, \"true\" as true)";
        };
    }

    /** Whether the field is left out of the record written: no column for it, or a value its column's type has no value for. */
    public boolean dropsField() {
        return this == NOT_KEPT || this == WRONG_TYPE;
    }

    /** Each of {@code fields} as not kept, in their order. */
    public static Map<String, ValueChange> notKept(Set<String> fields) {
        Map<String, ValueChange> changes = new LinkedHashMap<>();
        fields.forEach(field -> changes.put(field, NOT_KEPT));
        return changes;
    }
}
