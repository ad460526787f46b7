package dev.sessiondb.store.json;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds keys that may occur twice among a million records while holding 8 bytes per record
 * (a 64-bit hash) instead of the keys. Candidates are confirmed by a second, targeted pass.
 * Keys that came in ascending order cannot repeat, and their hashes are not sorted: a file this
 * tool wrote is in key order, and sorting a million hashes took a tenth of its first open.
 */
final class DuplicateKeyFinder {

    private long[] hashes = new long[1024];
    private int size;
    private String previous;
    private boolean ascending = true;

    void add(String key) {
        ascending = ascending && (previous == null || previous.compareTo(key) < 0);
        previous = key;
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        hashes[size++] = hash(key);
    }

    /** Hashes seen more than once: each is a duplicate key or, very rarely, a collision. */
    Set<Long> repeatedHashes() {
        if (ascending) {
            return Set.of();
        }
        long[] sorted = Arrays.copyOf(hashes, size);
        Arrays.sort(sorted);
        Set<Long> repeated = new HashSet<>();
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                repeated.add(sorted[i]);
            }
        }
        return repeated;
    }

    /** 64-bit FNV-1a over the key's characters. */
    static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
