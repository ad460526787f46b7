package dev.sessiondb.job;

import dev.sessiondb.store.ValueChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One way a target keeps a field other than as given, and how many of the records to write it touches:
 * not kept, its date's digits past the millisecond cut, or (no loss) held in the target's own form.
 */
public record FieldChange(String field, ValueChange change, long records) {

    /** Whether writing these records needs leave to lose. */
    public boolean lossy() {
        return change.lossy();
    }

    /** The line a plan shows: "createdAt: digits past the millisecond cut (...) (2 records)". */
    public String describe() {
        return String.format("%s (%,d %s)", change.describe(field), records, records == 1 ? "record" : "records");
    }

    /** The fields the lossy changes touch, each with how many records lose something of it, in the changes' order. */
    public static Map<String, Long> lossyFields(List<FieldChange> changes) {
        Map<String, Long> fields = new LinkedHashMap<>();
        changes.stream().filter(FieldChange::lossy).forEach(change -> fields.merge(change.field(), change.records(), Long::sum));
        return fields;
    }

    /** Whether every lossy change drops its field, none keeping a cut value. */
    public static boolean onlyNotKept(List<FieldChange> changes) {
        return changes.stream().filter(FieldChange::lossy).allMatch(change -> change.change().dropsField());
    }
}
