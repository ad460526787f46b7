package dev.sessiondb.store;

import dev.sessiondb.model.RecordHash;
import dev.sessiondb.model.SessionRecord;
import java.util.Iterator;

/** Every record's key and stored hash, one at a time, in constant memory. Close it to release what it reads from. */
public interface HashCursor extends Iterator<StoredHash>, AutoCloseable {

    @Override
    void close();

    /** The hashes of records read whole: each record's canonical hash. */
    static HashCursor of(RecordCursor records) {
        return new HashCursor() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public StoredHash next() {
                SessionRecord record = records.next();
                return new StoredHash(record.key(), RecordHash.of(record));
            }

            @Override
            public void close() {
                records.close();
            }
        };
    }
}
