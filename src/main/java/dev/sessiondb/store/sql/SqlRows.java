package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreException;
import io.ebean.Transaction;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The rows of one query in key order, fetched {@link Dialect#FETCH_SIZE} at a time inside one
 * read transaction (PostgreSQL only streams with autocommit off), so memory stays constant.
 */
final class SqlRows<T> implements AutoCloseable {

    /** Reads one row into an item; a damaged row is a {@link StoreException} naming it. */
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final String storeName;
    private final RowReader<T> reader;
    private final Transaction transaction;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private boolean closed;

    SqlRows(String storeName, Transaction transaction, String sql, RowReader<T> reader) {
        this.storeName = storeName;
        this.reader = reader;
        this.transaction = transaction;
        try {
            statement = transaction.connection().prepareStatement(sql);
            statement.setFetchSize(Dialect.FETCH_SIZE);
            rows = statement.executeQuery();
        } catch (SQLException e) {
            transaction.end();
            throw SqlFailures.readFailure(storeName, "cannot read the sessions", e);
        }
    }

    /** The next row's item, or null after the last row. */
    T next() {
        if (closed) {
            return null;
        }
        try {
            if (rows.next()) {
                return reader.read(rows);
            }
            close();
            return null;
        } catch (SQLException e) {
            close();
            throw SqlFailures.readFailure(storeName, "reading the sessions failed", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rows.close();
            statement.close();
        } catch (SQLException ignored) {
            // the transaction below releases what the statement held
        } finally {
            transaction.end();
        }
    }
}
