package dev.sessiondb.store;

import dev.sessiondb.model.SessionRecord;
import java.util.Iterator;

/**
 * Every record of a store, one at a time, in constant memory. Close it to release the file
 * or connection it reads from.
 */
public interface RecordCursor extends Iterator<SessionRecord>, AutoCloseable {

    @Override
    void close();
}
