package dev.sessiondb.store.sql;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL: rows are COPYed into a temporary staging table in chunks, then merged into the
 * target with one statement (the last row of a key wins). Into an empty table, rows are COPYed
 * straight into it while no key repeats (a new store, a replaced one: the rows land once, not
 * twice); the first repeated key sends it and every row after it through the staging table,
 * so the last row of a key still wins. Everything stays in the caller's transaction.
 *
 * <p>A chunk is sent on a thread of the sink's own while the next one is built, at most one in
 * flight: the server parses one chunk while the client writes the next. Sends on the connection
 * are serialised on it, as a layout's sinks share one.</p>
 */
final class PostgresCopySink implements BulkSink {

    private static final int CHUNK_CHARS = 4 << 20;
    private static final AtomicInteger STAGES = new AtomicInteger();

    private final Connection connection;
    private final TableWrite write;
    private final String stage;
    private final CopyManager copy;
    private final StringBuilder buffer = new StringBuilder();
    private final int keyPosition;
    /** Hashes of the keys COPYed straight into the table; null once rows go through the staging table. */
    private Set<Long> directKeys;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sessiondb-copy");
        thread.setDaemon(true);
        return thread;
    });
    /** The chunk being sent, if any. */
    private Future<?> inFlight;

    PostgresCopySink(Connection connection, TableWrite write) throws SQLException {
        this.connection = connection;
        this.write = write;
        this.stage = "sessiondb_stage_" + STAGES.incrementAndGet();
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.keyPosition = write.columns().indexOf(write.keyColumn());
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE " + stage + " AS SELECT " + columnList() + " FROM " + write.table() + " WITH NO DATA");
            statement.execute("ALTER TABLE " + stage + " ADD COLUMN stage_row bigserial");
            if (!write.deleteByKey()) {
                try (ResultSet rows = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM " + write.table() + ")")) {
                    directKeys = rows.next() && rows.getBoolean(1) ? new HashSet<>() : null;
                }
            }
        }
    }

    @Override
    public void add(Object[] values) throws SQLException {
        if (directKeys != null && !directKeys.add(keyHash(values[keyPosition]))) {
            // a key repeats (or two keys share a hash): what is buffered goes in directly, the rest merges
            flush();
            directKeys = null;
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            appendCopyText(values[i]);
        }
        buffer.append('\n');
        if (buffer.length() >= CHUNK_CHARS) {
            flush();
        }
    }

    @Override
    public void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        String sql = copyStatement();
        String chunk = takeBuffer();
        awaitSent();
        inFlight = sender.submit(() -> {
            send(sql, chunk);
            return null;
        });
    }

    private String copyStatement() {
        return "COPY " + (directKeys != null ? write.table() : stage) + " (" + columnList() + ") FROM STDIN";
    }

    private String takeBuffer() {
        String chunk = buffer.toString();
        buffer.setLength(0);
        return chunk;
    }

    private void send(String sql, String chunk) throws SQLException, IOException {
        synchronized (connection) {
            copy.copyIn(sql, new StringReader(chunk));
        }
    }

    /** Waits for the chunk in flight; its failure is thrown here. */
    private void awaitSent() throws SQLException {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while sending rows to the server", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof SQLException sql ? sql : new SQLException("COPY failed: " + cause.getMessage(), cause);
        } finally {
            inFlight = null;
        }
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            awaitSent();
        } catch (SQLException alreadyFailing) {
            // closing after a failure: the write reports that one
        }
    }

    /** The last chunk goes on this thread: a small write starts no sender. */
    @Override
    public void finish() throws SQLException {
        awaitSent();
        if (!buffer.isEmpty()) {
            try {
                send(copyStatement(), takeBuffer());
            } catch (IOException e) {
                throw new SQLException("COPY failed: " + e.getMessage(), e);
            }
        }
        String key = Dialect.quote(write.keyColumn());
        try (Statement statement = connection.createStatement()) {
            if (write.deleteByKey()) {
                statement.execute("DELETE FROM " + write.table() + " t USING " + stage + " s WHERE t." + key + " = s." + key);
            } else {
                String updates = write.columns().stream().filter(column -> !column.equals(write.keyColumn()))
                        .map(column -> Dialect.quote(column) + " = EXCLUDED." + Dialect.quote(column)).collect(Collectors.joining(", "));
                statement.execute("INSERT INTO " + write.table() + " (" + columnList() + ") SELECT DISTINCT ON (" + key + ") " + columnList()
                        + " FROM " + stage + " ORDER BY " + key + ", stage_row DESC ON CONFLICT (" + key + ") DO "
                        + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates));
            }
            statement.execute("DROP TABLE " + stage);
        }
    }

    /** 64 bits of the key: a collision only sends the rest of the rows through the staging table. */
    private static long keyHash(Object key) {
        String text = String.valueOf(key);
        long hash = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return hash ^ ((long) text.hashCode() << 32);
    }

    private String columnList() {
        return write.columns().stream().map(Dialect::quote).collect(Collectors.joining(", "));
    }

    /** COPY's text format: {@code \N} for null; four characters escaped, the runs between them appended whole. */
    private void appendCopyText(Object value) {
        if (value == null) {
            buffer.append("\\N");
            return;
        }
        String text = value.toString();
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            String escaped = switch (text.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                buffer.append(text, run, i).append(escaped);
                run = i + 1;
            }
        }
        buffer.append(text, run, text.length());
    }
}
