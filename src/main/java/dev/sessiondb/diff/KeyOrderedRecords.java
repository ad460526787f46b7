package dev.sessiondb.diff;

import dev.sessiondb.model.SessionRecord;
import java.util.Iterator;

/** Records in binary key order ({@link KeyOrder}) with a look at the next key: one side of a diff's merge. */
interface KeyOrderedRecords extends Iterator<SessionRecord>, AutoCloseable {

    /** The key the next record will have, or null at the end. */
    String peekKey();

    @Override
    void close();
}
