package dev.sessiondb.store.sql;

import dev.sessiondb.files.LockSafeReads;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFingerprint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A SQLite database's mark of a committed change, read from the files without a connection (a
 * connection's {@code PRAGMA data_version} only compares within that connection). In rollback-journal
 * mode: the database header's file change counter, which every commit increments. In WAL mode, where
 * the counter stays as it was: a digest of what the database holds ({@link SqliteContentDigest}),
 * which a checkpoint (copying the WAL into the database file, emptying it, or a writer closing last
 * and deleting it) leaves as it was, so that a store only checkpointed since a plan or a job is not
 * taken as written. The WAL's last commit ({@link #lastCommit}): its header (checkpoint sequence and
 * salts), which a checkpoint renews, and the position of its last commit frame, which every commit in
 * WAL mode moves on. Frames after the last commit are not counted: a large transaction spills frames
 * into the WAL before its commit, and when it rolls back (a cancelled write) they stay in the file but
 * change nothing.
 */
final class SqliteFingerprint {

    private static final int CHANGE_COUNTER_OFFSET = 24;
    /** The header's file format write version: 2 in WAL mode, 1 in rollback-journal mode. */
    private static final int WRITE_VERSION_OFFSET = 18;
    private static final byte WAL_WRITE_VERSION = 2;
    private static final int WAL_HEADER_BYTES = 32;
    private static final int FRAME_HEADER_BYTES = 24;
    /** Where the checkpoint sequence and the two salts lie in the WAL header, and the salts in a frame header. */
    private static final int HEADER_SALTS_FROM = 12;
    private static final int HEADER_SALTS_TO = 24;
    private static final int FRAME_SALTS_FROM = 8;

    private SqliteFingerprint() {
    }

    static String of(Path database) {
        byte[] header = head(database, CHANGE_COUNTER_OFFSET + 4);
        String commits = "counter " + counter(header) + ", wal " + lastCommit(database);
        if (!walMode(header)) {
            // every commit increments the counter, and a rolled-back write may have touched the file's time
            return commits;
        }
        String filesLook = commits + ", files " + StoreFingerprint.ofFiles(0, database, Path.of(database + "-wal")).token();
        return "content " + SqliteContentDigest.of(database, filesLook);
    }

    /** A WAL-mode file's mark as sessiondb took it before {@link #of} marked its content: its size and time, and the WAL's last commit. */
    static String byFiles(Path database) {
        return "counter " + counter(head(database, CHANGE_COUNTER_OFFSET + 4)) + ", file " + StoreFingerprint.ofFiles(0, database).token() + ", wal " + lastCommit(database);
    }

    /**
     * What the database's header says, read once: whether it is in WAL mode, and its file change counter, which every commit in
     * rollback-journal mode increments ("new" for a file too short to have one).
     */
    record Header(boolean walMode, String counter) {
    }

    static Header header(Path database) {
        byte[] header = head(database, CHANGE_COUNTER_OFFSET + 4);
        return new Header(walMode(header), counter(header));
    }

    private static String counter(byte[] header) {
        return header.length < CHANGE_COUNTER_OFFSET + 4 ? "new" : String.valueOf(ByteBuffer.wrap(header, CHANGE_COUNTER_OFFSET, 4).getInt());
    }

    /** Whether the database's header says WAL mode (a file too short to say is not). */
    static boolean walMode(Path database) {
        return walMode(head(database, WRITE_VERSION_OFFSET + 1));
    }

    private static boolean walMode(byte[] header) {
        return header.length > WRITE_VERSION_OFFSET && header[WRITE_VERSION_OFFSET] == WAL_WRITE_VERSION;
    }

    /** The database's WAL's checkpoint sequence and salts and the number of its last commit frame; "none" when it holds no commit. */
    static String lastCommit(Path database) {
        Path wal = Path.of(database + "-wal");
        try (FileChannel channel = FileChannel.open(wal, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(WAL_HEADER_BYTES);
            if (SqliteWalFrames.readFully(channel, header, 0) < WAL_HEADER_BYTES) {
                return "none";
            }
            int pageSize = header.getInt(8) == 1 ? 65536 : header.getInt(8);
            byte[] salts = Arrays.copyOfRange(header.array(), HEADER_SALTS_FROM + 4, HEADER_SALTS_TO);
            long frameBytes = FRAME_HEADER_BYTES + (long) pageSize;
            ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER_BYTES);
            // the frames under the header's salts come first: a WAL started over keeps the frames of before after them, under other
            // salts, so the last of them is found by halving (a poll every few seconds reads a few frame headers, not every one)
            long low = 0;
            long high = (channel.size() - WAL_HEADER_BYTES) / frameBytes;
            while (low < high) {
                long middle = (low + high + 1) >>> 1;
                boolean underTheseSalts = readFrameHeader(channel, frame, middle, frameBytes)
                        && Arrays.equals(frame.array(), FRAME_SALTS_FROM, FRAME_SALTS_FROM + 8, salts, 0, 8);
                if (underTheseSalts) {
                    low = middle;
                } else {
                    high = middle - 1;
                }
            }
            // the last of them is a commit unless a rolled-back write left frames after it
            for (long index = low; index > 0; index--) {
                if (readFrameHeader(channel, frame, index, frameBytes) && frame.getInt(4) != 0) {
                    return HexFormat.of().formatHex(header.array(), HEADER_SALTS_FROM, HEADER_SALTS_TO) + " frame " + index;
                }
            }
            return "none";
        } catch (NoSuchFileException absent) {
            return "none";
        } catch (IOException e) {
            throw new StoreException(wal + ": cannot read the SQLite file (" + e.getMessage() + "); check that it is readable", e);
        }
    }

    private static boolean readFrameHeader(FileChannel wal, ByteBuffer frame, long index, long frameBytes) throws IOException {
        frame.clear();
        return SqliteWalFrames.readFully(wal, frame, WAL_HEADER_BYTES + (index - 1) * frameBytes) == FRAME_HEADER_BYTES;
    }

    private static byte[] head(Path file, int bytes) {
        try {
            return LockSafeReads.head(file, bytes);
        } catch (NoSuchFileException absent) {
            return new byte[0];
        } catch (IOException e) {
            throw new StoreException(file + ": cannot read the SQLite file (" + e.getMessage() + "); check that it is readable", e);
        }
    }
}
