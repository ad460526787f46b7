package dev.sessiondb.diff;

import dev.sessiondb.store.BinaryKeyOrder;
import dev.sessiondb.store.KeyedText;
import dev.sessiondb.store.TextCursor;

/**
 * One side of a diff: its records' compact texts in key order, each with its record on demand,
 * and a look at the next one. A key that is not after the one before stops the diff with a clear
 * message instead of a wrong result.
 */
final class OrderedTexts implements AutoCloseable {

    private final String name;
    private final TextCursor cursor;
    private final Runnable taken;
    private KeyedText next;
    private String previousKey;

    /**
     * @param name   the side, for messages
     * @param cursor texts that come with their records ({@link KeyedText#record})
     * @param taken  called for each text taken, for progress
     */
    OrderedTexts(String name, TextCursor cursor, Runnable taken) {
        this.name = name;
        this.cursor = cursor;
        this.taken = taken;
    }

    /** The next text without taking it; null at the end. */
    KeyedText peek() {
        if (next == null && cursor.hasNext()) {
            next = cursor.next();
            requireAfter(previousKey, next.key(), name);
            previousKey = next.key();
        }
        return next;
    }

    KeyedText next() {
        KeyedText text = peek();
        next = null;
        taken.run();
        return text;
    }

    /** Stops a diff whose store handed {@code key} after {@code previousKey} (null for the first): a clear message instead of a wrong result. */
    static void requireAfter(String previousKey, String key, String storeName) {
        if (previousKey != null && BinaryKeyOrder.compare(previousKey, key) >= 0) {
            throw new IllegalStateException(storeName + ": session " + key + " came after " + previousKey
                    + ", out of binary key order (a PostgreSQL database whose encoding is not UTF8?); diff it through an export to JSON");
        }
    }

    @Override
    public void close() {
        cursor.close();
    }
}
