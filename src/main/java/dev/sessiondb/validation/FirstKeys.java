package dev.sessiondb.validation;

import dev.sessiondb.store.KeySlots;
import java.util.Arrays;

/**
 * Every normalised session key a survey has seen, with the first key that had it: the duplicate
 * check's one per-record memory. Kept in a few primitive arrays, not a map of strings: a map held
 * a million entries of three objects each through validate's survey, and the serial collector's
 * young pauses copied and rescanned them every quarter second (0.8 s of pauses at 1M, both threads
 * stopped; BENCHMARKS.md). Keys stay exact: their characters are kept and compared, not a hash of them.
 */
final class FirstKeys {

    private static final int MAX_CHARS = Integer.MAX_VALUE - 16;

    /** Entry i's normalised key, then its first key, end to end; entry i starts where entry i - 1's first key ends. */
    private char[] chars = new char[1 << 16];
    private int used;
    private int[] normalisedEnds = new int[1 << 10];
    private int[] keyEnds = new int[1 << 10];
    private int[] hashCodes = new int[1 << 10];
    private final KeySlots slots = new KeySlots();
    private int size;

    /** The first key seen with this normalised key, or null when it is new (and {@code key} becomes its first). */
    String putIfAbsent(String normalised, String key) {
        int hashCode = normalised.hashCode();
        int slot = slots.slotOf(hashCode, index -> hashCodes[index] == hashCode && holds(index, normalised));
        int index = slots.entryAt(slot);
        if (index >= 0) {
            return new String(chars, normalisedEnds[index], keyEnds[index] - normalisedEnds[index]);
        }
        append(hashCode, normalised, key);
        slots.put(slot, size, hashCodes);
        return null;
    }

    private boolean holds(int index, String normalised) {
        int start = start(index);
        if (normalisedEnds[index] - start != normalised.length()) {
            return false;
        }
        for (int i = 0; i < normalised.length(); i++) {
            if (chars[start + i] != normalised.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void append(int hashCode, String normalised, String key) {
        int length = normalised.length() + key.length();
        if (length > MAX_CHARS - used) {
            throw new IllegalStateException("more session keys than one validation can hold (" + size + " keys, 2 G characters of them); "
                    + "validate the store in parts, or without the duplicate-session check (--check)");
        }
        if (used + length > chars.length) {
            chars = Arrays.copyOf(chars, (int) Math.min(MAX_CHARS, Math.max(2L * chars.length, used + length)));
        }
        if (size == keyEnds.length) {
            normalisedEnds = Arrays.copyOf(normalisedEnds, size * 2);
            keyEnds = Arrays.copyOf(keyEnds, size * 2);
            hashCodes = Arrays.copyOf(hashCodes, size * 2);
        }
        normalised.getChars(0, normalised.length(), chars, used);
        normalisedEnds[size] = used + normalised.length();
        key.getChars(0, key.length(), chars, normalisedEnds[size]);
        used += length;
        keyEnds[size] = used;
        hashCodes[size] = hashCode;
        size++;
    }

    private int start(int index) {
        return index == 0 ? 0 : keyEnds[index - 1];
    }
}
