package dev.sessiondb.store;

import dev.sessiondb.model.SessionRecord;
import java.util.function.Supplier;

/**
 * One record's key and the SHA-256 of the record as its store keeps it (see
 * {@link SessionStore#hashAsStored}).
 *
 * @param record the record parsed from the text that was hashed, on demand, when the cursor kept
 *               that text (a diff then needs no second read of a record that differs); null when it did not
 */
public record StoredHash(String key, String hash, Supplier<SessionRecord> record) {

    public StoredHash(String key, String hash) {
        this(key, hash, null);
    }
}
