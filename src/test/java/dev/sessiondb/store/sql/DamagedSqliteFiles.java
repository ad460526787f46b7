package dev.sessiondb.store.sql;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** SQLite stores damaged as an audit found them: whole pages cut off the end (does not open). */
public final class DamagedSqliteFiles {

    private DamagedSqliteFiles() {
    }

    /**
     * A native store of {@code records} sample sessions, closed and packed as a migration's new
     * store is (every page full, so that cutting the last one loses rows, not free space).
     */
    public static Path store(Path file, int records) throws SQLException {
        try (SessionStore store = StoreFactory.open(StoreLocator.parse("sqlite:" + file), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(records, 1), records), ProgressMonitor.NONE);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM");
        }
        return file;
    }

    /** Cuts whole pages off the end of the file. */
    public static void cutPages(Path file, int pages) throws IOException {
        truncate(file, Files.size(file) - (long) pages * pageSize(file));
    }

    private static int pageSize(Path file) throws IOException {
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(18);
        }
        // bytes 16-17 of the header, big-endian; 1 stands for 65536
        int size = Short.toUnsignedInt(ByteBuffer.wrap(header, 16, 2).getShort());
        return size == 1 ? 65_536 : size;
    }

    private static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile open = new RandomAccessFile(file.toFile(), "rw")) {
            open.setLength(length);
        }
    }
}
