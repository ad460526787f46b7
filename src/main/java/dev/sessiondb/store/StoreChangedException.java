package dev.sessiondb.store;

/** A write or a restore was refused because another program wrote to the store after the caller looked at it; nothing was written. */
public class StoreChangedException extends StoreException {

    public StoreChangedException(String message) {
        super(message);
    }
}
