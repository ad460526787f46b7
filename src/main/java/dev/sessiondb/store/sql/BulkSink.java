package dev.sessiondb.store.sql;

import java.sql.SQLException;

/** Rows on their way into one table inside the writing transaction. */
interface BulkSink extends AutoCloseable {

    /** One row, values in the order of {@link TableWrite#columns()}. */
    void add(Object[] values) throws SQLException;

    /** Sends what is buffered; called for every sink in order, so deletes land before the inserts that follow them. */
    void flush() throws SQLException;

    /** Applies everything to the target table; called once, for every sink in order. */
    void finish() throws SQLException;

    /** Once finished or abandoned: nothing of the sink's may touch the connection after this. */
    @Override
    default void close() {
    }
}
