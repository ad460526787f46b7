package dev.sessiondb.store.sql;

import dev.sessiondb.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A staged SQLite file's search index, built on a second core while the writer builds the sort
 * indexes. SQLite lets one connection write a file, so a second connection reads the committed
 * rows into a contentless FTS5 table of a side file; the writer then copies that table's shadow
 * tables over the store's. FTS5 keeps the same index in them whether its text is stored, read
 * through a view, or not kept at all: the copy is the index the store's own rebuild makes, which
 * the tests check with FTS5's integrity check.
 */
final class SqliteSearchAside implements AutoCloseable {

    /** The store's search table as schema V4 and later declare it; any other is rebuilt in place. */
    static final String STORE_TABLE = "CREATE VIRTUAL TABLE sessions_search USING fts5(\n"
            + "    text, content = 'sessions_search_text', content_rowid = 'id', tokenize = 'trigram', detail = none)";
    private static final String SIDE_TABLE = "CREATE VIRTUAL TABLE search USING fts5(text, content = '', tokenize = 'trigram', detail = none)";
    private static final List<String> SHADOW_TABLES = List.of("data", "idx", "docsize", "config");
    /**
     * FTS5 writes its pending terms out as a new segment, and merges segments, each time they
     * pass this many bytes (1 MB by default); the side build holds a whole index's worth (about
     * 10 MB at 300,000 sessions, 33 MB at a million) and writes it out once: the build takes a
     * sixth less time at 300,000 and a quarter less at a million (BENCHMARKS.md).
     * A build-only setting, removed from the side table's configuration once the build is done,
     * so that the copy gives the store the configuration its own rebuild leaves.
     */
    private static final long SIDE_PENDING_BYTES = 64L << 20;
    private static final String SIDE_SCHEMA = "search_aside";
    /** The staged file, as the side build's connection attaches it. */
    private static final String STAGED_SCHEMA = "stored";

    private final Path file;
    private final CompletableFuture<Void> build;
    /** Whether {@link #copyInto} attached the side file to the writer, which {@link #detachFrom} then undoes. */
    private boolean attached;
    /**
     * The side build's statement while it runs, so that a rebuild that fails first can stop it;
     * set and cleared under the lock, so that it is never stopped once its connection closes.
     */
    private Statement running;
    private final Object runningLock = new Object();

    private SqliteSearchAside(Path staged, Path file) {
        this.file = file;
        this.build = new CompletableFuture<>();
        Thread builder = new Thread(() -> {
            try {
                build(staged.toAbsolutePath());
                build.complete(null);
            } catch (SQLException | RuntimeException e) {
                build.completeExceptionally(e);
            }
        }, "sessiondb-search-index");
        builder.setDaemon(true);
        builder.start();
    }

    /**
     * Starts the side build of {@code staged}'s search index, whose rows must be committed, in an
     * owner-only temp file beside it (the search text holds keys, repositories and branches),
     * which the next run's {@code Staging.clear} removes if this one is killed.
     */
    static SqliteSearchAside start(Path staged) throws SQLException {
        try {
            return new SqliteSearchAside(staged, AtomicFiles.tempFileFor(staged));
        } catch (IOException e) {
            throw new SQLException("cannot create the search index's side file beside " + staged + " (" + e.getMessage() + ")", e);
        }
    }

    /** Whether the store's search table is the one this class builds aside. */
    static boolean fits(Connection writer) throws SQLException {
        try (Statement statement = writer.createStatement();
             ResultSet rows = statement.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'sessions_search'")) {
            return rows.next() && STORE_TABLE.equals(rows.getString(1));
        }
    }

    private void build(Path staged) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            synchronized (runningLock) {
                running = statement;
            }
            try {
                // a side file nobody keeps: neither a journal nor syncs
                statement.execute("PRAGMA journal_mode = OFF");
                statement.execute("PRAGMA synchronous = OFF");
                attach(connection, staged, STAGED_SCHEMA);
                statement.execute(SIDE_TABLE);
                statement.execute("INSERT INTO search (search, rank) VALUES ('hashsize', " + SIDE_PENDING_BYTES + ")");
                statement.execute("INSERT INTO search (rowid, text) SELECT id, text FROM " + STAGED_SCHEMA + ".sessions_search_text");
                // the side table takes no more writes: its setting goes straight out of its configuration table
                statement.execute("DELETE FROM search_config WHERE k = 'hashsize'");
            } finally {
                synchronized (runningLock) {
                    running = null;
                }
            }
        }
    }

    /**
     * Waits for the side build, then puts its index in place of the store's, inside the writer's
     * transaction; {@link #detachFrom} the writer once that transaction has ended.
     */
    void copyInto(Connection writer) throws SQLException {
        try {
            build.join();
        } catch (CompletionException e) {
            throw new SQLException("building the search index beside the store failed (" + e.getCause().getMessage() + ")", e.getCause());
        }
        attach(writer, file, SIDE_SCHEMA);
        attached = true;
        try (Statement statement = writer.createStatement()) {
            for (String shadow : SHADOW_TABLES) {
                statement.execute("DELETE FROM sessions_search_" + shadow);
                statement.execute("INSERT INTO sessions_search_" + shadow + " SELECT * FROM " + SIDE_SCHEMA + ".search_" + shadow);
            }
        }
    }

    /** Outside a transaction: SQLite detaches a file only when no transaction holds it. */
    void detachFrom(Connection writer) throws SQLException {
        if (attached) {
            try (Statement statement = writer.createStatement()) {
                statement.execute("DETACH DATABASE " + SIDE_SCHEMA);
            }
            attached = false;
        }
    }

    /** Stops the side build if it still runs (the rebuild failed before it needed it), waits for its end and removes its file. */
    @Override
    public void close() {
        synchronized (runningLock) {
            if (running != null) {
                try {
                    running.cancel();
                } catch (SQLException stopped) {
                    // the build fails with SQLite's interruption, or ends as it was asked to stop
                }
            }
        }
        build.exceptionally(failure -> null).join();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's name bound as a value, as {@link SqlitePairing} attaches its second file: nothing in a path is read as SQL. */
    private static void attach(Connection connection, Path path, String schema) throws SQLException {
        try (PreparedStatement attach = connection.prepareStatement("ATTACH DATABASE ? AS " + schema)) {
            attach.setString(1, path.toString());
            attach.execute();
        }
    }
}
