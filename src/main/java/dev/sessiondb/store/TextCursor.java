package dev.sessiondb.store;

import java.util.Iterator;

/** Records as their keys and compact texts ({@link KeyedText}), one at a time, in constant memory. Close it to release what it reads from. */
public interface TextCursor extends Iterator<KeyedText>, AutoCloseable {

    @Override
    void close();

    /** Records read whole, each handed over as its compact text. */
    static TextCursor of(RecordCursor records) {
        return new TextCursor() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public KeyedText next() {
                return KeyedText.of(records.next());
            }

            @Override
            public void close() {
                records.close();
            }
        };
    }
}
