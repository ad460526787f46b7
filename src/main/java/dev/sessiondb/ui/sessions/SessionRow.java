package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.SessionRecord;

/**
 * A row of the sessions table: the record at a position of the current view, or a
 * placeholder while its page is still being fetched.
 */
public record SessionRow(long index, SessionRecord record) {

    public static SessionRow loading(long index) {
        return new SessionRow(index, null);
    }

    public boolean isLoaded() {
        return record != null;
    }

    public String text(SessionColumn column) {
        return record == null ? "…" : column.text(record);
    }

    public String text(FieldColumn column) {
        return record == null ? "…" : column.text(record);
    }
}
