package dev.sessiondb.store;

import dev.sessiondb.model.SessionRecord;

/**
 * A read met a stored record whose text no longer reads as a record. A job stops with it; a listing
 * or a validation shows its {@link #unreadable() stand-in} in the record's place and goes on.
 */
public final class DamagedRecordException extends StoreException {

    private final transient SessionRecord unreadable;

    /** @param unreadable the record's stand-in, holding its key and its {@link SessionRecord#damage() damage} */
    public DamagedRecordException(String message, SessionRecord unreadable, Throwable cause) {
        super(message, cause);
        this.unreadable = unreadable;
    }

    public SessionRecord unreadable() {
        return unreadable;
    }
}
