package dev.sessiondb.diff;

import java.util.ArrayList;
import java.util.List;

/** A session present in both stores whose content differs, field by field. */
public record SessionChange(String session, List<FieldChange> fields) {

    public SessionChange {
        fields = List.copyOf(fields);
    }

    /** The same change with secrets masked (a loop, not a stream: run for each change, it is less for the JIT to compile). */
    public SessionChange masked() {
        List<FieldChange> masked = new ArrayList<>(fields.size());
        for (FieldChange field : fields) {
            masked.add(field.masked());
        }
        return new SessionChange(session, masked);
    }
}
