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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** SQLite stores damaged as an audit found them: half a page of its search index lost (still opens and reads), or whole pages cut off (does not open). */
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

    /**
     * Zeroes the second half of the search index's last leaf page, where its cells are: what
     * reading a page cut in half gives (the audit's halfpage.db, {@code truncate -s} into its last
     * page, which held search index data). The file still opens, lists and reads every record.
     */
    public static void zeroHalfOfALeafPage(Path file) throws IOException, SQLException {
        long page;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT max(pageno) FROM dbstat WHERE name = 'sessions_search_data' AND pagetype = 'leaf'")) {
            page = rows.getLong(1);
        }
        int size = pageSize(file);
        try (RandomAccessFile open = new RandomAccessFile(file.toFile(), "rw")) {
            open.seek((page - 1) * size + size / 2);
            open.write(new byte[size / 2]);
        }
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
