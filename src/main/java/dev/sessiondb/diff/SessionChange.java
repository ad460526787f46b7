package dev.sessiondb.diff;

import java.util.List;

/** A session present in both stores whose content differs, field by field. */
public record SessionChange(String session, List<FieldChange> fields) {

    public SessionChange {
        fields = List.copyOf(fields);
    }

    public SessionChange masked() {
        return new SessionChange(session, fields.stream().map(FieldChange::masked).toList());
    }
}
