package dev.sessiondb.diff;

import dev.sessiondb.store.BinaryKeyOrder;

/** Guards a diff's merge against a side whose keys are not in {@link BinaryKeyOrder}. */
final class KeyOrder {

    private KeyOrder() {
    }

    /** Stops a diff whose store handed {@code key} after {@code previousKey} (null for the first): a clear message instead of a wrong result. */
    static void requireAfter(String previousKey, String key, String storeName) {
        if (previousKey != null && BinaryKeyOrder.compare(previousKey, key) >= 0) {
            throw new IllegalStateException(storeName + ": session " + key + " came after " + previousKey
                    + ", out of binary key order (a PostgreSQL database whose encoding is not UTF8?); diff it through an export to JSON");
        }
    }
}
