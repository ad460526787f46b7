package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.RecordDamage;
import dev.sessiondb.model.SessionRecord;

/**
 * A row of the sessions table: the record at a position of the current view, or a
 * placeholder while its page is still being fetched. A record whose stored text no longer
 * reads (its stand-in) shows its key and, in the status column, {@link #DAMAGED}.
 */
public record SessionRow(long index, SessionRecord record) {

    public static final String DAMAGED = marked(RecordDamage.DAMAGED);

    public static SessionRow loading(long index) {
        return new SessionRow(index, null);
    }

    public boolean isLoaded() {
        return record != null;
    }

    /** Whether the row's record is the stand-in of one whose stored text no longer reads. */
    public boolean isDamaged() {
        return record != null && record.damage().isPresent();
    }

    public String text(SessionColumn column) {
        if (column == SessionColumn.STATUS && isDamaged()) {
            return marked(record.damage().get().label());
        }
        return record == null ? "…" : column.text(record);
    }

    private static String marked(String label) {
        return "⚠ " + label;
    }

    public String text(FieldColumn column) {
        return record == null ? "…" : column.text(record);
    }
}
