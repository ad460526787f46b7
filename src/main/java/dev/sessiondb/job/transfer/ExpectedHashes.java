package dev.sessiondb.job.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.RecordHash;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.KeySlots;
import dev.sessiondb.store.ReadAhead;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The hash each record should have in the target ({@link SessionStore#hashAsStored}: less the fields its layout cannot hold, values normalised),
 * taken while the records pass on their way there, so verification reads only the target.
 * One SHA-256 per key, keys in source order.
 *
 * <p>Kept in a few primitive arrays, not a map of strings: a map held four objects per record for
 * the whole job, which the collector copied again and again (0.4 s of pauses in a 300k-record
 * migration, and the desktop's longest stalls while one runs). Keys stay exact: their UTF-8 bytes
 * are compared, not a hash of them.</p>
 */
public final class ExpectedHashes {

    /** What {@link #take} found for a key the target holds. */
    enum Found { MATCHED, DIFFERENT, UNEXPECTED }

    /** Records compared by content looked up one by one, at most; see {@link #takeByContent}. */
    static final int LOOKUPS = 1_000;
    private static final int DIGEST_LONGS = 4;
    private static final int DIGEST_HEX_DIGITS = DIGEST_LONGS * 16;
    private static final int MAX_KEY_BYTES = Integer.MAX_VALUE - 16;

    private byte[] keyBytes = new byte[1 << 16];
    private int keyBytesUsed;
    /** Key i's bytes end at keyEnds[i] and start where key i - 1's end. */
    private int[] keyEnds = new int[1 << 10];
    private int[] keyHashCodes = new int[1 << 10];
    private long[] digests = new long[(1 << 10) * DIGEST_LONGS];
    private final KeySlots slots = new KeySlots();
    private int size;
    private final BitSet taken = new BitSet();

    /** Reads the whole source once: for a target written by another run. */
    static ExpectedHashes of(RecordSource records, SessionStore target, ProgressMonitor monitor) {
        ExpectedHashes hashes = new ExpectedHashes();
        try (RecordCursor cursor = hashes.recording(records.open(), target)) {
            cursor.forEachRemaining(record -> monitor.checkCancelled());
        }
        return hashes;
    }

    /** The same records as {@code cursor}, each hashed as it is handed on. */
    RecordCursor recording(RecordCursor cursor, SessionStore target) {
        return RecordCursor.peeking(cursor, record -> expect(record.key(), hashAsWritten(record, target)));
    }

    /** A key seen again keeps its place in source order and takes the later hash, as its record overwrites the earlier one. */
    void expect(String key, String sha256Hex) {
        byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
        int slot = slotOf(key.hashCode(), utf8);
        int index = slots.entryAt(slot);
        if (index < 0) {
            index = append(key.hashCode(), utf8);
            slots.put(slot, size, keyHashCodes);
        }
        writeDigest(index, sha256Hex);
    }

    /** The number of distinct keys expected. */
    int size() {
        return size;
    }

    /**
     * Checks one record the target holds against its expected hash. A key not expected, or one
     * already taken (the target holds it twice), is unexpected.
     */
    Found take(String key, String storedSha256Hex) {
        int index = slots.entryAt(slotOf(key.hashCode(), key.getBytes(StandardCharsets.UTF_8)));
        if (index < 0 || taken.get(index)) {
            return Found.UNEXPECTED;
        }
        taken.set(index);
        return sameDigest(index, storedSha256Hex) ? Found.MATCHED : Found.DIFFERENT;
    }

    /** Whether {@code records} records are taken from {@code target} by a lookup each rather than by one read of it. */
    static boolean looksUpEach(long records, SessionStore target) {
        return records <= LOOKUPS && target.looksUpByKey();
    }

    /**
     * Takes each expected key's record from the target by its canonical hash (these hashes being
     * canonical too): looked up one by one when at most {@link #LOOKUPS} and the target looks up by
     * key, else in one read of the target, which a lookup each in a JSON file without its key index
     * made quadratic.
     *
     * @param each given each record the target holds under an expected key, and what {@link #take} found
     */
    void takeByContent(SessionStore target, ProgressMonitor monitor, BiConsumer<SessionRecord, Found> each) {
        if (looksUpEach(size, target)) {
            for (String key : untaken()) {
                SessionRecord stored = target.get(key).orElseThrow();
                each.accept(stored, take(key, RecordHash.of(target.asStored(stored))));
                monitor.checkCancelled();
            }
            return;
        }
        try (RecordCursor cursor = ReadAhead.records(target.cursor())) {
            while (cursor.hasNext()) {
                SessionRecord stored = cursor.next();
                if (expects(stored.key())) {
                    each.accept(stored, take(stored.key(), RecordHash.of(target.asStored(stored))));
                }
                monitor.checkCancelled();
            }
        }
    }

    /** Whether the key is expected with this hash, taken or not. */
    boolean expects(String key, String sha256Hex) {
        int index = slots.entryAt(slotOf(key.hashCode(), key.getBytes(StandardCharsets.UTF_8)));
        return index >= 0 && sameDigest(index, sha256Hex);
    }

    /** Whether the key is expected, taken or not. */
    boolean expects(String key) {
        return slots.entryAt(slotOf(key.hashCode(), key.getBytes(StandardCharsets.UTF_8))) >= 0;
    }

    /** How many expected keys were not taken. */
    long untakenCount() {
        return size - taken.cardinality();
    }

    /** The expected keys not taken: missing from the target, in source order. */
    List<String> untaken() {
        return untaken(Integer.MAX_VALUE);
    }

    /** The first {@code limit} expected keys not taken. */
    List<String> untaken(int limit) {
        List<String> untaken = new ArrayList<>();
        for (int index = taken.nextClearBit(0); index < size && untaken.size() < limit; index = taken.nextClearBit(index + 1)) {
            untaken.add(key(index));
        }
        return untaken;
    }

    /** The record as reading it back from the target gives it: what verification compares against. */
    static ObjectNode fieldsAsWritten(SessionRecord record, SessionStore target) {
        return target.asStored(record);
    }

    private static String hashAsWritten(SessionRecord record, SessionStore target) {
        return target.hashAsStored(record);
    }

    /** The slot holding the key, or the empty slot where it would go. */
    private int slotOf(int hashCode, byte[] utf8) {
        return slots.slotOf(hashCode, index -> isKey(index, hashCode, utf8));
    }

    private boolean isKey(int index, int hashCode, byte[] utf8) {
        int start = keyStart(index);
        return keyHashCodes[index] == hashCode && Arrays.equals(keyBytes, start, keyEnds[index], utf8, 0, utf8.length);
    }

    private int append(int hashCode, byte[] utf8) {
        if (utf8.length > MAX_KEY_BYTES - keyBytesUsed) {
            throw new IllegalStateException("more session keys than one verification can hold (" + size + " keys, 2 GiB of them); "
                    + "migrate the store in parts, or with --no-verify and `sessiondb diff` afterwards");
        }
        if (keyBytesUsed + utf8.length > keyBytes.length) {
            keyBytes = Arrays.copyOf(keyBytes, (int) Math.min(MAX_KEY_BYTES, Math.max(2L * keyBytes.length, keyBytesUsed + utf8.length)));
        }
        if (size == keyEnds.length) {
            keyEnds = Arrays.copyOf(keyEnds, size * 2);
            keyHashCodes = Arrays.copyOf(keyHashCodes, size * 2);
            digests = Arrays.copyOf(digests, size * 2 * DIGEST_LONGS);
        }
        System.arraycopy(utf8, 0, keyBytes, keyBytesUsed, utf8.length);
        keyBytesUsed += utf8.length;
        keyEnds[size] = keyBytesUsed;
        keyHashCodes[size] = hashCode;
        return size++;
    }

    private void writeDigest(int index, String sha256Hex) {
        requireDigest(sha256Hex);
        for (int part = 0; part < DIGEST_LONGS; part++) {
            digests[index * DIGEST_LONGS + part] = HexFormat.fromHexDigitsToLong(sha256Hex, part * 16, part * 16 + 16);
        }
    }

    private boolean sameDigest(int index, String sha256Hex) {
        requireDigest(sha256Hex);
        for (int part = 0; part < DIGEST_LONGS; part++) {
            if (digests[index * DIGEST_LONGS + part] != HexFormat.fromHexDigitsToLong(sha256Hex, part * 16, part * 16 + 16)) {
                return false;
            }
        }
        return true;
    }

    private static void requireDigest(String sha256Hex) {
        if (sha256Hex.length() != DIGEST_HEX_DIGITS) {
            throw new IllegalArgumentException("not a SHA-256 in hexadecimal: " + sha256Hex.length() + " characters");
        }
    }

    private String key(int index) {
        int start = keyStart(index);
        return new String(keyBytes, start, keyEnds[index] - start, StandardCharsets.UTF_8);
    }

    private int keyStart(int index) {
        return index == 0 ? 0 : keyEnds[index - 1];
    }

}
