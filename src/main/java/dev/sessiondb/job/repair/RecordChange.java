package dev.sessiondb.job.repair;

import dev.sessiondb.diff.FieldChange;
import dev.sessiondb.diff.RecordDiff;
import dev.sessiondb.model.SessionRecord;
import java.util.List;
import java.util.Optional;

/**
 * One record a repair writes: as it is (absent for a workspace being registered) and as the
 * store will hold it, with the checks that asked for the change and the fields they set that
 * the store's layout cannot hold.
 *
 * @param after   the record as the store keeps it once written, not as the fixes asked for it
 * @param notKept fields the fixes set that the store drops (a Minsky SQLite table without a branch column)
 */
public record RecordChange(String session, Optional<SessionRecord> before, SessionRecord after, List<String> checks, List<String> notKept) {

    public RecordChange {
        checks = List.copyOf(checks);
        notKept = List.copyOf(notKept);
    }

    /** What a preview says of a field the store cannot hold, after its name. */
    public static String notKeptReason(String field) {
        return "not kept — this store's layout has no " + field + " column";
    }

    public boolean isInsert() {
        return before.isEmpty();
    }

    /** The change field by field, secrets masked: what a dry run prints. */
    public List<FieldChange> fieldChanges() {
        return RecordDiff.exact().compare(before.map(SessionRecord::fields).orElseGet(() -> after.fields().objectNode()), after.fields())
                .stream().map(FieldChange::masked).toList();
    }
}
