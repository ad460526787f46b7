package dev.sessiondb.store;

/**
 * A store read in its own order, on the chance that it is in key order
 * ({@link SessionStore#compactTextsWhileInKeyOrder}), handed a key that is not after the one
 * before: the reader starts again the way that does not depend on the order. Not an error of the
 * store, so it carries no stack trace.
 */
public final class KeysOutOfOrder extends RuntimeException {

    public KeysOutOfOrder(String store, String key, String previousKey) {
        super(store + ": session " + key + " came after " + previousKey + ", not in key order", null, false, false);
    }
}
