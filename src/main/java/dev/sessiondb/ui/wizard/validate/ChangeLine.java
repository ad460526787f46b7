package dev.sessiondb.ui.wizard.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.diff.FieldChange;
import dev.sessiondb.diff.LongTextDifference;
import dev.sessiondb.job.repair.NotWritten;
import dev.sessiondb.job.repair.RecordChange;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.ui.common.ShownValue;
import java.util.List;
import java.util.stream.Stream;

/**
 * One field a repair changes, before and after, secrets masked: the changeset preview's rows.
 *
 * @param session the record (new records are marked "(new)")
 */
public record ChangeLine(String session, String field, String before, String after) {

    public static final String ABSENT = ShownValue.ABSENT;

    /** The fields the change sets, then those the store cannot hold, named as not kept. */
    public static List<ChangeLine> of(RecordChange change) {
        String session = change.isInsert() ? change.session() + " (new)" : change.session();
        String shown = SecretMasker.maskText("session", session);
        return Stream.concat(change.fieldChanges().stream().map(field -> line(session, field)),
                change.notKept().stream().map(field -> new ChangeLine(shown, field, ABSENT, RecordChange.notKeptReason(field)))).toList();
    }

    /** A record the fixes are not written to, with why. */
    public static ChangeLine of(NotWritten record) {
        return new ChangeLine(SecretMasker.maskText("session", record.session()), ABSENT, ABSENT, "not written: " + record.reason());
    }

    /** A long value shown by where it changes, an empty text as two quotes, a character that prints as nothing as its escape: as the diff view shows them. */
    private static ChangeLine line(String session, FieldChange field) {
        LongTextDifference.Sides sides = LongTextDifference.sides(text(field.a(), field.b()), text(field.b(), field.a()));
        return new ChangeLine(SecretMasker.maskText("session", session), field.path(), ShownValue.of(sides.a()),
                field.removesASecret() ? FieldChange.REMOVED_SECRET : ShownValue.of(sides.b()) + field.trailingNote());
    }

    /**
     * A text bare, unless the fix turns it into another type or another type into it: then in quotes as JSON writes it, as the dry run
     * shows it, so a text "12" made the number 12 does not read "12 → 12".
     */
    private static String text(JsonNode value, JsonNode other) {
        if (value == null) {
            return null;
        }
        return value.isTextual() && (other == null || other.isTextual()) ? value.asText() : JsonCodec.compact(value);
    }
}
