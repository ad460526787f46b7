package dev.sessiondb.store;

import dev.sessiondb.model.RecordHash;
import dev.sessiondb.model.SessionRecord;
import java.util.Iterator;
import java.util.function.Function;

/** Every record's key and stored hash, one at a time, in constant memory. Close it to release what it reads from. */
public interface HashCursor extends Iterator<StoredHash>, AutoCloseable {

    @Override
    void close();

    /** The hashes of records read whole: each record's canonical hash. */
    static HashCursor of(RecordCursor records) {
        return of(records, record -> new StoredHash(record.key(), RecordHash.of(record)));
    }

    /** Records read whole, each handed over as {@code hash} makes it. */
    static HashCursor of(RecordCursor records, Function<SessionRecord, StoredHash> hash) {
        return new HashCursor() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public StoredHash next() {
                return hash.apply(records.next());
            }

            @Override
            public void close() {
                records.close();
            }
        };
    }
}
