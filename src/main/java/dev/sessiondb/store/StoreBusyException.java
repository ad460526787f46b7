package dev.sessiondb.store;

/** Another run holds the store's writer lock ({@link StoreWriterLock}); nothing was changed. */
public class StoreBusyException extends StoreException {

    public StoreBusyException(String message) {
        super(message);
    }
}
