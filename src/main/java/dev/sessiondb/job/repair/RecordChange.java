package dev.sessiondb.job.repair;

import dev.sessiondb.diff.FieldChange;
import dev.sessiondb.diff.RecordDiff;
import dev.sessiondb.model.SessionRecord;
import java.util.List;
import java.util.Optional;

/**
 * One record a repair writes: as it is (absent for a workspace being registered) and as it
 * will be, with the checks that asked for the change.
 */
public record RecordChange(String session, Optional<SessionRecord> before, SessionRecord after, List<String> checks) {

    public RecordChange {
        checks = List.copyOf(checks);
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
