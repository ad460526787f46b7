package dev.sessiondb.store.sql;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The commits a SQLite WAL holds, as SQLite itself takes them when it opens the file: frames are read from the first while
 * their salts are the header's and their running checksum holds, and a page counts in the version its last frame up to the
 * last commit frame gave it. Frames after the last commit (a write rolled back, a crash mid-commit) are left out.
 *
 * @param pageSize      the pages' size as the WAL's header gives it; 0 when it holds no valid header
 * @param pages         where each page's newest committed version lies in the WAL, by page number
 * @param pagesAtCommit how many pages the database has after the last commit; empty when the WAL holds no commit
 */
record SqliteWalFrames(int pageSize, Map<Integer, Long> pages, Optional<Integer> pagesAtCommit) {

    private static final int HEADER_BYTES = 32;
    private static final int FRAME_HEADER_BYTES = 24;
    /** The header's magic number: its last bit says in which byte order the checksums read the file's words. */
    private static final int MAGIC = 0x377f0682;
    static final SqliteWalFrames NONE = new SqliteWalFrames(0, Map.of(), Optional.empty());

    /** The commits {@code wal} holds: none when it is empty or not a WAL SQLite would use. */
    static SqliteWalFrames read(FileChannel wal) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        if (readFully(wal, header, 0) < HEADER_BYTES || (header.getInt(0) & ~1) != MAGIC) {
            return NONE;
        }
        ByteOrder checksumOrder = (header.getInt(0) & 1) == 1 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int pageSize = header.getInt(8) == 1 ? 65536 : header.getInt(8);
        int[] checksum = checksum(new int[2], header, 0, 24, checksumOrder);
        if (pageSize < 512 || checksum[0] != header.getInt(24) || checksum[1] != header.getInt(28)) {
            return NONE;
        }
        Map<Integer, Long> committed = new HashMap<>();
        Map<Integer, Long> uncommitted = new HashMap<>();
        Optional<Integer> pagesAtCommit = Optional.empty();
        ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER_BYTES + pageSize);
        for (long offset = HEADER_BYTES; offset + frame.capacity() <= wal.size(); offset += frame.capacity()) {
            frame.clear();
            if (readFully(wal, frame, offset) < frame.capacity() || frame.getLong(8) != header.getLong(16)) {
                break;
            }
            checksum(checksum, frame, 0, 8, checksumOrder);
            checksum(checksum, frame, FRAME_HEADER_BYTES, frame.capacity(), checksumOrder);
            if (checksum[0] != frame.getInt(16) || checksum[1] != frame.getInt(20)) {
                break;
            }
            uncommitted.put(frame.getInt(0), offset + FRAME_HEADER_BYTES);
            if (frame.getInt(4) != 0) {
                committed.putAll(uncommitted);
                uncommitted.clear();
                pagesAtCommit = Optional.of(frame.getInt(4));
            }
        }
        return new SqliteWalFrames(pageSize, Map.copyOf(committed), pagesAtCommit);
    }

    /** SQLite's WAL checksum, carried on from {@code sums} over the buffer's words from {@code from} to {@code to}. */
    private static int[] checksum(int[] sums, ByteBuffer buffer, int from, int to, ByteOrder order) {
        ByteBuffer words = buffer.duplicate().order(order);
        for (int at = from; at < to; at += 8) {
            sums[0] += words.getInt(at) + sums[1];
            sums[1] += words.getInt(at + 4) + sums[0];
        }
        return sums;
    }

    /** Reads into {@code buffer} from {@code position} until it is full or the file ends; how many bytes it read. */
    static int readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + total);
            if (read < 0) {
                break;
            }
            total += read;
        }
        return total;
    }
}
