package dev.sessiondb.store;

import java.util.function.IntPredicate;

/**
 * Where each entry of a key set kept in primitive arrays is found by its hash code: open
 * addressing over the entries' numbers. The caller keeps the keys and their hash codes, and
 * tells whether entry i is the key looked for. A map of strings per record would hold a few
 * objects per key for a whole job, which the collector copies again and again; these are ints.
 */
public final class KeySlots {

    /** An entry's number + 1 per slot, 0 where none is. */
    private int[] slots = new int[1 << 11];

    /** The slot holding the entry with this hash code that {@code isKey} accepts, or the empty slot where it would go. */
    public int slotOf(int hashCode, IntPredicate isKey) {
        int mask = slots.length - 1;
        int slot = spread(hashCode) & mask;
        while (slots[slot] != 0 && !isKey.test(slots[slot] - 1)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The entry in the slot; -1 when it is empty. */
    public int entryAt(int slot) {
        return slots[slot] - 1;
    }

    /**
     * Puts the newest of {@code entries} entries (entry {@code entries - 1}, just appended by the
     * caller) into the empty slot {@link #slotOf} gave for it. Past half full the slots double and
     * each entry i is placed again by {@code hashCodes[i]}.
     */
    public void put(int slot, int entries, int[] hashCodes) {
        slots[slot] = entries;
        if (entries * 2 > slots.length) {
            slots = new int[slots.length * 2];
            int mask = slots.length - 1;
            for (int i = 0; i < entries; i++) {
                int free = spread(hashCodes[i]) & mask;
                while (slots[free] != 0) {
                    free = (free + 1) & mask;
                }
                slots[free] = i + 1;
            }
        }
    }

    /** String hash codes of similar keys differ in their low bits only a little: mix the high ones in. */
    private static int spread(int hashCode) {
        int mixed = hashCode * 0x9E3779B9;
        return mixed ^ (mixed >>> 16);
    }
}
