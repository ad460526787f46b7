package dev.sessiondb.store.sql;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection inside a transaction. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
