package dev.sessiondb.store.json;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * The compact text of records of a JSON file, taken in any order: each record's bytes with the
 * whitespace between its tokens left out, its strings and numbers exactly as written. Two records
 * give the same text only when they are the same record; a record Minsky wrote (JSON.stringify)
 * gives the text {@link dev.sessiondb.model.SessionRecord#compact()} gives, unless a string holds
 * a control character (escaped with other hex digits) or a field name repeats.
 *
 * <p>The file is mapped read-only, in segments that overlap by the longest record so that each
 * record lies whole in one: a diff takes the records in key order, all over a file that is
 * seldom in that order, and a read call per record costs five times what copying it out of a
 * mapping does (1M records of 700 bytes from the page cache: 1.4-1.7 s against 0.3 s). The
 * collector releases the mappings once this is dropped.
 */
final class CompactText {

    /** How far apart the segments start: each is at most this plus the longest record, within what one mapping holds. */
    static final long SEGMENT = 1L << 30;

    private final FileChannel channel;
    private final long fileSize;
    private final long segment;
    private final int longest;
    private final MappedByteBuffer[] mapped;
    private byte[] scratch = new byte[4096];

    /**
     * @param longest the most bytes a record taken spans
     * @param segment how far apart the segments start ({@link #SEGMENT}; tests make it small)
     */
    CompactText(FileChannel channel, int longest, long segment) throws IOException {
        if (longest > Integer.MAX_VALUE - segment) {
            throw new IOException("a record spans " + longest + " bytes, more than a diff reads in one piece");
        }
        this.channel = channel;
        this.fileSize = channel.size();
        this.segment = segment;
        this.longest = longest;
        this.mapped = new MappedByteBuffer[Math.toIntExact((fileSize + segment - 1) / segment)];
    }

    /** The compact text of the record between {@code start} and {@code end}, in UTF-8 as the file. */
    byte[] take(long start, long end) throws IOException {
        int size = Math.toIntExact(end - start);
        if (size > longest || start < 0 || end > fileSize) {
            throw new IOException("a record taken lies outside what was mapped");
        }
        if (scratch.length < size) {
            scratch = new byte[Math.max(size, scratch.length * 2)];
        }
        int index = (int) (start / segment);
        segment(index).get((int) (start - index * segment), scratch, 0, size);
        return Arrays.copyOf(scratch, strip(scratch, size));
    }

    private MappedByteBuffer segment(int index) throws IOException {
        if (mapped[index] == null) {
            long from = index * segment;
            mapped[index] = channel.map(FileChannel.MapMode.READ_ONLY, from, Math.min(segment + longest, fileSize - from));
        }
        return mapped[index];
    }

    /**
     * Leaves out the whitespace outside strings in the first {@code size} bytes, in place; how many
     * bytes are left. A string is found to its end by looking only for its quote and escapes, and
     * moved whole: most of a record's bytes are in its strings.
     */
    private static int strip(byte[] bytes, int size) {
        int written = 0;
        int i = 0;
        while (i < size) {
            byte b = bytes[i];
            if (b == '"') {
                int end = stringEnd(bytes, i + 1, size);
                if (written != i) {
                    System.arraycopy(bytes, i, bytes, written, end - i);
                }
                written += end - i;
                i = end;
            } else {
                if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                    bytes[written++] = b;
                }
                i++;
            }
        }
        return written;
    }

    /** The index after the quote that ends the string whose text starts at {@code from}; {@code size} when none does. */
    private static int stringEnd(byte[] bytes, int from, int size) {
        int i = from;
        while (i < size) {
            byte b = bytes[i];
            if (b == '"') {
                return i + 1;
            }
            i += b == '\\' ? 2 : 1;
        }
        return size;
    }
}
