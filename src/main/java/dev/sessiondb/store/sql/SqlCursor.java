package dev.sessiondb.store.sql;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.PrefetchingCursor;
import dev.sessiondb.store.StoreException;
import io.ebean.Transaction;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Every row of a store in key order, fetched {@link Dialect#FETCH_SIZE} rows at a time inside one
 * read transaction (PostgreSQL only streams with autocommit off), so memory stays constant.
 */
final class SqlCursor extends PrefetchingCursor {

    private final String storeName;
    private final Layout layout;
    private final Transaction transaction;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private boolean closed;

    SqlCursor(String storeName, Dialect dialect, Layout layout, Transaction transaction) {
        this.storeName = storeName;
        this.layout = layout;
        this.transaction = transaction;
        try {
            statement = transaction.connection().prepareStatement("SELECT " + layout.selectList() + " FROM " + layout.table()
                    + " s ORDER BY " + dialect.binary(layout.keyExpression()));
            statement.setFetchSize(Dialect.FETCH_SIZE);
            rows = statement.executeQuery();
        } catch (SQLException e) {
            transaction.end();
            throw new StoreException(storeName + ": cannot read the sessions (" + e.getMessage() + "); check the store", e);
        }
    }

    @Override
    protected SessionRecord fetch() {
        if (closed) {
            return null;
        }
        try {
            if (rows.next()) {
                return layout.read(rows);
            }
            close();
            return null;
        } catch (SQLException e) {
            close();
            throw new StoreException(storeName + ": reading the sessions failed (" + e.getMessage() + "); check the store", e);
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
