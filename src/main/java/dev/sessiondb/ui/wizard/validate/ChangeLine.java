package dev.sessiondb.ui.wizard.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.diff.FieldChange;
import dev.sessiondb.job.repair.RecordChange;
import java.util.List;

/**
 * One field a repair changes, before and after, secrets masked: the changeset preview's rows.
 *
 * @param session the record (new records are marked "(new)")
 */
public record ChangeLine(String session, String field, String before, String after) {

    public static final String ABSENT = "—";

    public static List<ChangeLine> of(RecordChange change) {
        String session = change.isInsert() ? change.session() + " (new)" : change.session();
        return change.fieldChanges().stream().map(field -> line(session, field)).toList();
    }

    private static ChangeLine line(String session, FieldChange field) {
        return new ChangeLine(dev.sessiondb.model.SecretMasker.maskText("session", session), field.path(), text(field.a()),
                text(field.b()) + field.maskingNote());
    }

    private static String text(JsonNode value) {
        return value == null ? ABSENT : value.isTextual() ? value.asText() : value.toString();
    }
}
