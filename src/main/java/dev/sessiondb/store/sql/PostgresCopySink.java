package dev.sessiondb.store.sql;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
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
 * are serialised on it, as a layout's sinks share one. Chunks are built as the UTF-8 bytes the
 * server reads, so the driver sends them as they are instead of encoding characters again. Where
 * every column is text and the server keeps UTF-8, they are in COPY's binary format: each value's
 * bytes as they are, without escaping, which the server also reads with less work (BENCHMARKS.md).</p>
 */
final class PostgresCopySink implements BulkSink {

    private static final int CHUNK_BYTES = 4 << 20;
    private static final AtomicInteger STAGES = new AtomicInteger();

    private final Connection connection;
    private final TableWrite write;
    private final String stage;
    private final CopyManager copy;
    private final CopyBuffer buffer;
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
            buffer = new CopyBuffer(CHUNK_BYTES + (CHUNK_BYTES >> 2), textColumnsInUtf8());
            if (!write.deleteByKey() && !referencesAnotherTable()) {
                try (ResultSet rows = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM " + write.table() + ")")) {
                    directKeys = rows.next() && rows.getBoolean(1) ? new HashSet<>() : null;
                }
            }
        }
    }

    /**
     * Whether the table's rows reference another table's (a chat server's messages their session): such rows wait in the staging
     * table until the sinks finish in the layout's order, the referenced rows first. COPYed straight in, a chunk of messages
     * could reach the server before its sessions, which wait in their own sink, and the write failed on the foreign key.
     */
    private boolean referencesAnotherTable() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'f' AND confrelid <> conrelid)")) {
            query.setString(1, write.table());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
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
        buffer.addRow(values);
        if (buffer.size() >= CHUNK_BYTES) {
            flush();
        }
    }

    @Override
    public void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        String sql = copyStatement();
        byte[] chunk = buffer.take();
        awaitSent();
        inFlight = sender.submit(() -> {
            send(sql, chunk);
            return null;
        });
    }

    private String copyStatement() {
        return "COPY " + (directKeys != null ? write.table() : stage) + " (" + columnList() + ") FROM STDIN" + (copiesBinary() ? " (FORMAT binary)" : "");
    }

    /** Whether the rows go in COPY's binary format ({@link #textColumnsInUtf8}) rather than its text format. */
    boolean copiesBinary() {
        return buffer.binary;
    }

    /**
     * Whether COPY's binary format can carry the rows: every column written is text or varchar
     * (whose binary form is the text's bytes; any other type has a binary form of its own) and the
     * server keeps UTF-8, the encoding the bytes are built in. The staging table has the target's
     * column types.
     */
    private boolean textColumnsInUtf8() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT current_setting('server_encoding') = 'UTF8' AND count(*) = ?"
                + " AND bool_and(atttypid IN ('text'::regtype, 'varchar'::regtype)) FROM pg_attribute"
                + " WHERE attrelid = ?::regclass AND attname = ANY (?) AND NOT attisdropped")) {
            query.setInt(1, write.columns().size());
            query.setString(2, stage);
            query.setArray(3, connection.createArrayOf("text", write.columns().toArray()));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private void send(String sql, byte[] chunk) throws SQLException {
        synchronized (connection) {
            CopyIn operation = copy.copyIn(sql);
            try {
                operation.writeToCopy(chunk, 0, chunk.length);
                operation.endCopy();
            } finally {
                if (operation.isActive()) {
                    operation.cancelCopy();
                }
            }
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
            send(copyStatement(), buffer.take());
        }
        String key = Dialect.quote(write.keyColumn());
        try (Statement statement = connection.createStatement()) {
            if (write.deleteByKey()) {
                statement.execute("DELETE FROM " + write.table() + " t USING " + stage + " s WHERE t." + key + " = s." + key);
            } else if (write.keyEnforced()) {
                refuseKeysOfTwoOwners(statement, key);
                String updates = write.valueColumns().stream()
                        .map(column -> write.updateOf(column, "EXCLUDED")).collect(Collectors.joining(", "));
                statement.execute("INSERT INTO " + write.table() + " (" + columnList() + ") " + lastRowOfEachKey(key) + " ON CONFLICT (" + key + ") DO "
                        + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates));
            } else {
                mergeUnkeyed(statement, key);
            }
            statement.execute("DROP TABLE " + stage);
        }
    }

    /**
     * Rows of two sessions offering one key: keeping the last of each key would drop the other session's row unseen, so the
     * write fails as an owned upsert fails on a row another session holds ({@link TableWrite#ownerColumn}).
     */
    private void refuseKeysOfTwoOwners(Statement statement, String key) throws SQLException {
        if (write.ownerColumn() == null) {
            return;
        }
        try (ResultSet clash = statement.executeQuery("SELECT " + key + " FROM " + stage + " GROUP BY " + key
                + " HAVING count(DISTINCT " + Dialect.quote(write.ownerColumn()) + ") > 1 LIMIT 1")) {
            if (clash.next()) {
                throw new OwnedKeyClash(write, clash.getString(1));
            }
        }
    }

    private String lastRowOfEachKey(String key) {
        return "SELECT DISTINCT ON (" + key + ") " + columnList() + " FROM " + stage + " ORDER BY " + key + ", stage_row DESC";
    }

    /**
     * Into a table no constraint keys (ON CONFLICT has nothing to match): rows whose key is there update it, the others
     * are inserted. The store opened only if no key repeats in it ({@link RepeatedRows}), so an update touches one row.
     */
    private void mergeUnkeyed(Statement statement, String key) throws SQLException {
        if (!write.valueColumns().isEmpty()) {
            statement.execute("UPDATE " + write.table() + " t SET " + write.valueColumns().stream()
                    .map(column -> Dialect.quote(column) + " = s." + Dialect.quote(column)).collect(Collectors.joining(", "))
                    + " FROM (" + lastRowOfEachKey(key) + ") s WHERE t." + key + " = s." + key);
        }
        statement.execute("INSERT INTO " + write.table() + " (" + columnList() + ") SELECT " + columnList() + " FROM (" + lastRowOfEachKey(key)
                + ") s WHERE NOT EXISTS (SELECT 1 FROM " + write.table() + " t WHERE t." + key + " = s." + key + ")");
    }

    /**
     * 64 bits of the key: a collision only sends the rest of the rows through the staging table.
     * The polynomial is mixed (MurmurHash3's finaliser) so that {@link Long#hashCode} spreads
     * keys that differ in their last digits: unmixed, 300,000 keys {@code task-md#000000}... fell
     * into 15,647 of the set's buckets, up to 526 in one.
     */
    static long keyHash(Object key) {
        String text = String.valueOf(key);
        long hash = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            hash = 31 * hash + text.charAt(i);
        }
        hash = (hash ^ (hash >>> 33)) * 0xff51afd7ed558ccdL;
        hash = (hash ^ (hash >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }

    private String columnList() {
        return write.columns().stream().map(Dialect::quote).collect(Collectors.joining(", "));
    }

    /**
     * A chunk of rows as COPY reads them, as UTF-8 bytes. Text format: {@code \N} for null;
     * backslash, tab, line feed and carriage return escaped (those four are ASCII, and no byte of a
     * multi-byte UTF-8 sequence is ASCII, so the escaping runs on the encoded bytes). Binary format
     * (text columns only): a header, per row the field count and each value's length and bytes (-1
     * for null), and a trailer, so that each chunk is a whole COPY of its own.
     */
    static final class CopyBuffer {

        private static final byte[] NULL = {'\\', 'N'};
        /** The signature, no flags, no header extension. */
        private static final byte[] BINARY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
        private static final short BINARY_TRAILER = -1;

        /** Big-endian, as the binary format's integers are; not a ByteArrayOutputStream, whose every write takes a lock (four per value's length). */
        private ByteBuffer bytes;
        final boolean binary;

        CopyBuffer(int capacity, boolean binary) {
            this.bytes = ByteBuffer.allocate(capacity);
            this.binary = binary;
        }

        int size() {
            return bytes.position();
        }

        boolean isEmpty() {
            return bytes.position() == 0;
        }

        void addRow(Object[] values) {
            if (binary) {
                addBinaryRow(values);
                return;
            }
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    room(1).put((byte) '\t');
                }
                addCopyText(values[i]);
            }
            room(1).put((byte) '\n');
        }

        private void addBinaryRow(Object[] values) {
            if (bytes.position() == 0) {
                room(BINARY_HEADER.length).put(BINARY_HEADER);
            }
            room(Short.BYTES).putShort((short) values.length);
            for (Object value : values) {
                if (value == null) {
                    room(Integer.BYTES).putInt(-1);
                } else {
                    byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
                    room(Integer.BYTES + text.length).putInt(text.length).put(text);
                }
            }
        }

        private void addCopyText(Object value) {
            if (value == null) {
                room(NULL.length).put(NULL);
                return;
            }
            byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
            int run = 0;
            for (int i = 0; i < text.length; i++) {
                byte escaped = switch (text[i]) {
                    case '\\' -> '\\';
                    case '\t' -> 't';
                    case '\n' -> 'n';
                    case '\r' -> 'r';
                    default -> 0;
                };
                if (escaped != 0) {
                    room(i - run + 2).put(text, run, i - run).put((byte) '\\').put(escaped);
                    run = i + 1;
                }
            }
            room(text.length - run).put(text, run, text.length - run);
        }

        /** The buffer, grown first if it has less than {@code needed} bytes left (a record larger than the chunk). */
        private ByteBuffer room(int needed) {
            if (bytes.remaining() < needed) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(2 * bytes.capacity(), bytes.position() + needed));
                bytes = larger.put(bytes.flip());
            }
            return bytes;
        }

        /** The chunk so far, ended as its format needs; the buffer is empty afterwards. */
        byte[] take() {
            if (binary) {
                room(Short.BYTES).putShort(BINARY_TRAILER);
            }
            byte[] chunk = Arrays.copyOf(bytes.array(), bytes.position());
            bytes.clear();
            return chunk;
        }
    }
}
