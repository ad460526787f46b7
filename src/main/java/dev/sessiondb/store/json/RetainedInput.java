package dev.sessiondb.store.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A file's bytes as the parser reads them, keeping those from a record's start on, so that the
 * record just parsed can be taken as the very bytes it was parsed from: no second read of the
 * file, which could have changed in between. Bytes before the last {@link #keepFrom} are dropped
 * when room is needed, so memory stays within a record and the parser's read-ahead.
 */
final class RetainedInput extends InputStream {

    /**
     * The most bytes kept: a record longer than this (a long conversation) is not kept whole and is
     * written out from its tree, as before, instead of being held in memory twice, tree and bytes.
     */
    static final int MOST_KEPT = 16 << 20;

    private final InputStream in;
    private final int mostKept;
    private byte[] kept;
    /** The file offset of {@code kept[0]}. */
    private long keptFrom;
    private int keptLength;
    private long keepFrom;

    RetainedInput(InputStream in) {
        this(in, MOST_KEPT);
    }

    /** @param mostKept {@link #MOST_KEPT}, smaller in tests */
    RetainedInput(InputStream in, int mostKept) {
        this.in = in;
        this.mostKept = mostKept;
        this.kept = new byte[Math.min(1 << 16, mostKept)];
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int count = in.read(bytes, offset, length);
        if (count > 0) {
            keep(bytes, offset, count);
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Bytes before {@code offset} need not be kept any longer; none need be at an offset below 0 (a parser that gives none). */
    void keepFrom(long offset) {
        keepFrom = offset < 0 ? Long.MAX_VALUE : offset;
    }

    /** How many of the file's bytes were read: those kept and those dropped before them. */
    long bytesRead() {
        return keptFrom + keptLength;
    }

    /** Whether the bytes from {@code start} to {@code end} were read and are kept. */
    boolean holds(long start, long end) {
        return start >= keptFrom && start <= end && end <= keptFrom + keptLength;
    }

    /** The buffer holding the kept bytes, valid until the next read; {@link #indexOf} finds a file offset in it. */
    byte[] buffer() {
        return kept;
    }

    int indexOf(long offset) {
        return Math.toIntExact(offset - keptFrom);
    }

    private void keep(byte[] bytes, int offset, int count) {
        if (keptLength + count > kept.length) {
            int dropped = (int) Math.max(0, Math.min(keptLength, keepFrom - keptFrom));
            System.arraycopy(kept, dropped, kept, 0, keptLength - dropped);
            keptLength -= dropped;
            keptFrom += dropped;
            if (keptLength + count > mostKept) {
                // the record under way is not kept whole: nothing of it is, until the next one starts
                keptFrom += keptLength + count;
                keptLength = 0;
                return;
            }
            if (keptLength + count > kept.length) {
                kept = Arrays.copyOf(kept, Math.min(mostKept, Math.max(kept.length * 2, keptLength + count)));
            }
        }
        System.arraycopy(bytes, offset, kept, keptLength, count);
        keptLength += count;
    }
}
