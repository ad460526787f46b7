package dev.sessiondb.store.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite files copied and put back by SQLite itself, so a live WAL file is never copied half
 * way: {@code VACUUM INTO} for a consistent copy, the backup API for an atomic restore.
 */
final class SqliteFiles {

    private SqliteFiles() {
    }

    /** A consistent, compact copy of {@code database} at {@code copy}, which must not exist. */
    static void copy(Path database, Path copy) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO '" + quote(copy.toAbsolutePath().toString()) + "'");
        }
    }

    /**
     * Replaces the content of {@code database} with {@code backup} in one SQLite transaction, once
     * {@code unchanged} (asked holding the database's write lock) lets it. The connection keeps its
     * locks in exclusive locking mode, so no other program commits between that look and the
     * restore (which cannot begin inside a transaction of its own connection); one that tries waits
     * for its busy timeout, then writes over the restored store.
     */
    static void restore(Path database, Path backup, Runnable unchanged) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA locking_mode=EXCLUSIVE");
            statement.execute("BEGIN IMMEDIATE");
            try {
                unchanged.run();
            } finally {
                statement.execute("COMMIT");
            }
            statement.executeUpdate("restore from \"" + backup.toAbsolutePath().toString().replace("\"", "\"\"") + "\"");
        }
    }

    /** WAL is a property of the file: set once, every later connection uses it. */
    static void useWriteAheadLog(Path database) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
        }
    }

    private static String quote(String text) {
        return text.replace("'", "''");
    }
}
