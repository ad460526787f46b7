package dev.sessiondb.store;

import dev.sessiondb.model.SessionRecord;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * The keys of two stores that are not the same on both sides, in binary key order: on one side
 * only, or on both with stored texts that differ, as the database reading both found them
 * ({@link SessionStore#pairedWith}). The keys on both sides with byte-identical texts are only
 * counted ({@link #sameText}). Close it to release what it reads from.
 */
public interface PairedTexts extends Iterator<PairedTexts.Pair>, AutoCloseable {

    /** How many keys are on both sides with the same text; known once every pair has been taken. */
    long sameText();

    @Override
    void close();

    /**
     * One key on one side only, or on both with texts that differ.
     *
     * @param first  the first store's record, parsed on demand; asked only when the key is on both sides
     * @param second the second store's record, likewise
     */
    record Pair(String key, boolean inFirst, boolean inSecond, Supplier<SessionRecord> first, Supplier<SessionRecord> second) {
    }
}
