package dev.sessiondb.store.sql;

import dev.sessiondb.store.ReadAhead;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What differs between SQLite and PostgreSQL, in one place. */
enum Dialect {
    SQLITE(StoreFormat.SQLITE),
    POSTGRESQL(StoreFormat.POSTGRESQL);

    /** Rows fetched per round trip when streaming, so a million rows never sit in memory. */
    static final int FETCH_SIZE = 500;

    private final StoreFormat format;

    Dialect(StoreFormat format) {
        this.format = format;
    }

    StoreFormat format() {
        return format;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The expression compared in binary text order, as Java's {@code String.compareTo} does. */
    String binary(String expression) {
        return this == POSTGRESQL ? expression + " COLLATE \"C\"" : expression;
    }

    /** The SQL flavour of a text NULL, typed so that PostgreSQL can order and lower it. */
    String nullText() {
        return this == POSTGRESQL ? "CAST(NULL AS TEXT)" : "NULL";
    }

    /**
     * What a connection that writes runs before its first write. SQLite: a 64 MB page cache, so a
     * large write keeps its index pages in memory; a connection that only reads keeps SQLite's
     * default 2 MB, as filling a large cache costs more than it saves on a read that visits each
     * page once (counting a 1M store: 0.21 s against 0.03 s in the sqlite3 shell). The setting
     * stays with the pooled connection.
     */
    List<String> writerSettings() {
        return this == SQLITE ? List.of("PRAGMA cache_size = -65536") : List.of();
    }

    /**
     * A text column's value. SQLite's driver hands {@code getString} over through a direct buffer
     * it makes for each value, a call from native code back into the JVM; {@code getBytes} copies
     * the same UTF-8 bytes into an array (reading five columns of a 1M store: 1.5 s against 2.1 s).
     * SQLite converts a number to its text either way.
     */
    String text(ResultSet row, int column) throws SQLException {
        if (this != SQLITE) {
            return row.getString(column);
        }
        byte[] utf8 = row.getBytes(column);
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    String flywayLocation() {
        return this == POSTGRESQL ? "classpath:db/migration/postgresql" : "classpath:db/migration/sqlite";
    }

    Set<String> tables(Connection connection) throws SQLException {
        String sql = this == POSTGRESQL
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                : "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')";
        Set<String> tables = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /**
     * Records a bulk write gives its sinks between two flushes, which bounds its memory. SQLite's
     * batches are written on the writing thread: one read-ahead chunk, far fewer than a read-ahead
     * holds, so that the thread reading the records goes on while a batch is written (at 5,000,
     * more than it holds, each thread waited for the other in turn: JSON -> SQLite took 7% longer,
     * BENCHMARKS.md). PostgreSQL's COPY chunks are sent on a thread of their own.
     */
    int rowsPerFlush() {
        return this == SQLITE ? ReadAhead.CHUNK : 5000;
    }

    BulkSink sink(Connection connection, TableWrite write) throws SQLException {
        if (this == POSTGRESQL) {
            return new PostgresCopySink(connection, write);
        }
        if (!write.keyEnforced()) {
            return new SqliteUnkeyedSink(connection, write);
        }
        return write.ownerColumn() == null ? new SqliteBatchSink(connection, write) : new SqliteOwnedSink(connection, write);
    }

    /**
     * Begins a transaction on a pooled connection that holds the write lock on {@code key}'s record
     * before anything is read: SQLite's {@code BEGIN IMMEDIATE} takes the database's write lock;
     * PostgreSQL locks the row at repeatable read, so that a row another client changes or inserts
     * after this snapshot fails the write with a serialization failure instead of being overwritten.
     */
    void beginLocked(Connection connection, Layout layout, String key) throws SQLException {
        if (this == SQLITE) {
            // the driver opens a deferred transaction whenever autocommit is off; end it to begin our own
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
            }
            return;
        }
        connection.rollback();
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        String lock = "SELECT 1 FROM " + layout.table() + " s WHERE " + layout.keyExpression() + " = ? FOR UPDATE";
        try (PreparedStatement statement = PageQuery.prepare(connection, lock, List.of(key)); ResultSet rows = statement.executeQuery()) {
            rows.next();
        }
    }

    /**
     * Inside a transaction, takes the write lock of {@code table}'s database (SQLite: a write that
     * changes nothing) or of the table (PostgreSQL: other writers wait), so that what is checked next
     * stays true until the commit.
     */
    void lockForWriting(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(this == SQLITE ? "DELETE FROM " + table + " WHERE 0" : "LOCK TABLE " + table + " IN SHARE ROW EXCLUSIVE MODE");
        }
    }

    void commitLocked(Connection connection) throws SQLException {
        if (this == SQLITE) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("COMMIT");
            }
        } else {
            connection.commit();
        }
    }

    /** When a store last changed, as its file says: a SQLite file's modification time; null for a server, or a file not read. */
    Instant lastModified(StoreLocator locator) {
        if (this != SQLITE) {
            return null;
        }
        try {
            return Files.getLastModifiedTime(locator.path()).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    /** Undoes a transaction {@link #beginLocked} began; a failure here is not reported, the one that led here is. */
    void rollbackLocked(Connection connection) {
        try {
            if (this == SQLITE) {
                if (!connection.getAutoCommit()) {
                    return;
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ROLLBACK");
                }
            } else {
                connection.rollback();
            }
        } catch (SQLException alreadyEnded) {
            // SQLite ends a transaction by itself on some errors; the pool discards a broken connection
        }
    }
}
