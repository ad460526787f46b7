package dev.sessiondb.validation;

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
    /** Open addressing over the entries: an entry's index + 1, 0 where none is. */
    private int[] slots = new int[1 << 11];
    private int size;

    /** The first key seen with this normalised key, or null when it is new (and {@code key} becomes its first). */
    String putIfAbsent(String normalised, String key) {
        int hashCode = normalised.hashCode();
        int mask = slots.length - 1;
        int slot = spread(hashCode) & mask;
        while (slots[slot] != 0) {
            int index = slots[slot] - 1;
            if (hashCodes[index] == hashCode && holds(index, normalised)) {
                return new String(chars, normalisedEnds[index], keyEnds[index] - normalisedEnds[index]);
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = append(hashCode, normalised, key) + 1;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
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

    private int append(int hashCode, String normalised, String key) {
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
        return size++;
    }

    private int start(int index) {
        return index == 0 ? 0 : keyEnds[index - 1];
    }

    private void rehash(int slotCount) {
        slots = new int[slotCount];
        int mask = slotCount - 1;
        for (int index = 0; index < size; index++) {
            int slot = spread(hashCodes[index]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = index + 1;
        }
    }

    /** String hash codes of similar keys differ in their low bits only a little: mix the high ones in. */
    private static int spread(int hashCode) {
        int mixed = hashCode * 0x9E3779B9;
        return mixed ^ (mixed >>> 16);
    }
}
