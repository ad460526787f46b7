package dev.sessiondb.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.stream.Collectors;

/** SQLite: one prepared statement, executed in JDBC batches inside the transaction. */
final class SqliteBatchSink implements BulkSink {

    private final PreparedStatement statement;
    private int pending;

    SqliteBatchSink(Connection connection, TableWrite write) throws SQLException {
        this.statement = connection.prepareStatement(sql(write));
    }

    static String sql(TableWrite write) {
        if (write.deleteByKey()) {
            return "DELETE FROM " + write.table() + " WHERE " + write.keyColumn() + " = ?";
        }
        String columns = write.columns().stream().map(Dialect::quote).collect(Collectors.joining(", "));
        String values = write.columns().stream().map(column -> "?").collect(Collectors.joining(", "));
        String updates = write.valueColumns().stream()
                .map(column -> write.updateOf(column, "excluded")).collect(Collectors.joining(", "));
        return "INSERT INTO " + write.table() + " (" + columns + ") VALUES (" + values + ") ON CONFLICT (" + Dialect.quote(write.keyColumn())
                + ") DO " + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates);
    }

    @Override
    public void add(Object[] values) throws SQLException {
        bind(statement, values);
        pending++;
    }

    /** Adds one row, values in the order of {@link TableWrite#columns()}, to the statement's batch. */
    static void bind(PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.addBatch();
    }

    @Override
    public void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void finish() throws SQLException {
        flush();
        statement.close();
    }
}
