package dev.sessiondb.store.sql;

import dev.sessiondb.files.LockSafeReads;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFingerprint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * SQLite's own marks of a committed change, read from the files without a connection (a
 * connection's {@code PRAGMA data_version} only compares within that connection): the database
 * header's file change counter, which every commit in rollback-journal mode increments, and the
 * WAL file's length and header (checkpoint sequence and salts), which every commit in WAL mode
 * appends to or, after a checkpoint, renews; and the database file's size and modification time,
 * since in WAL mode the counter stays as it was and a writer that closes last (the {@code sqlite3}
 * shell, Minsky) checkpoints its commit into the file and deletes the WAL, leaving both as before.
 */
final class SqliteFingerprint {

    private static final int CHANGE_COUNTER_OFFSET = 24;
    private static final int WAL_HEADER_BYTES = 24;

    private SqliteFingerprint() {
    }

    static String of(Path database) {
        byte[] header = head(database, CHANGE_COUNTER_OFFSET + 4);
        String counter = header.length < CHANGE_COUNTER_OFFSET + 4 ? "new" : String.valueOf(ByteBuffer.wrap(header, CHANGE_COUNTER_OFFSET, 4).getInt());
        Path wal = Path.of(database + "-wal");
        byte[] walHeader = head(wal, WAL_HEADER_BYTES);
        String walState = walHeader.length == 0 ? "none" : size(wal) + ":" + HexFormat.of().formatHex(walHeader, 12, walHeader.length);
        return "counter " + counter + ", file " + StoreFingerprint.ofFiles(0, database).token() + ", wal " + walState;
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

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
