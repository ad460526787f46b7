package dev.sessiondb.store;

/**
 * A store could not be read, written or reached. The message is for the user: it names the
 * store, the position (line and column, record, field) and the cause, and says what to do.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
