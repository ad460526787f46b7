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
        return of(records, RecordHash::of);
    }

    /**
     * The hashes of each record's compact text in its own field order ({@link SessionRecord#compact}):
     * for a store that writes every field of a record as it comes, in order.
     */
    static HashCursor ofCompactTexts(RecordCursor records) {
        return of(records, RecordHash::ofCompactText);
    }

    private static HashCursor of(RecordCursor records, Function<SessionRecord, String> hash) {
        return new HashCursor() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public StoredHash next() {
                SessionRecord record = records.next();
                return new StoredHash(record.key(), hash.apply(record));
            }

            @Override
            public void close() {
                records.close();
            }
        };
    }
}
