package dev.sessiondb.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite, into a table whose rows belong to a session ({@link TableWrite#ownerColumn}): the chat server's messages. The write goes
 * batch by batch, each deleting its sessions' old rows before upserting their new ones, so a record may take a key that a session
 * written only in a later batch still holds and gives up there. Its row waits: a batch's upsert leaves a row another session holds
 * untouched, and the rows so left are upserted once every batch's deletes are done. A key held by another session even then is one
 * the write did not free, which the owned upsert refuses as ever, and the write fails whole. (PostgreSQL stages every row and
 * applies all deletes first: {@link PostgresCopySink}.)
 */
final class SqliteOwnedSink implements BulkSink {

    private final PreparedStatement upsertUnlessHeld;
    private final PreparedStatement upsert;
    /** The rows of the batch being built, to find those the upsert left. */
    private final List<Object[]> offered = new ArrayList<>();
    /** Rows whose key another session held when their batch was written. */
    private final List<Object[]> waiting = new ArrayList<>();

    SqliteOwnedSink(Connection connection, TableWrite write) throws SQLException {
        String owner = Dialect.quote(write.ownerColumn());
        this.upsertUnlessHeld = connection.prepareStatement(SqliteBatchSink.sql(write)
                + " WHERE " + write.table() + "." + owner + " = excluded." + owner);
        this.upsert = connection.prepareStatement(SqliteBatchSink.sql(write));
    }

    @Override
    public void add(Object[] values) throws SQLException {
        SqliteBatchSink.bind(upsertUnlessHeld, values);
        offered.add(values);
    }

    @Override
    public void flush() throws SQLException {
        if (offered.isEmpty()) {
            return;
        }
        // SQLite's driver counts each row's changes: none where the row's key is another session's
        int[] changed = upsertUnlessHeld.executeBatch();
        for (int i = 0; i < changed.length; i++) {
            if (changed[i] == 0) {
                waiting.add(offered.get(i));
            }
        }
        offered.clear();
    }

    @Override
    public void finish() throws SQLException {
        flush();
        for (Object[] values : waiting) {
            SqliteBatchSink.bind(upsert, values);
        }
        if (!waiting.isEmpty()) {
            upsert.executeBatch();
        }
        upsertUnlessHeld.close();
        upsert.close();
    }
}
