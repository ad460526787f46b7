package dev.sessiondb.store;

import dev.sessiondb.model.SessionRecord;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * The keys of two stores side by side in binary key order, each pair of stored texts compared by
 * the database that reads both ({@link SessionStore#pairedWith}). Close it to release what it reads from.
 */
public interface PairedTexts extends Iterator<PairedTexts.Pair>, AutoCloseable {

    @Override
    void close();

    /**
     * One key: on which sides it is, and, where it is on both, whether the two stored texts are
     * byte for byte the same.
     *
     * @param first  the first store's record, parsed on demand; asked only when the key is on both sides and the texts differ
     * @param second the second store's record, likewise
     */
    record Pair(String key, boolean inFirst, boolean inSecond, boolean sameText, Supplier<SessionRecord> first, Supplier<SessionRecord> second) {
    }
}
