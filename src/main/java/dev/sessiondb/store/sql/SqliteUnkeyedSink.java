package dev.sessiondb.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SQLite, into a table whose key column no constraint covers (so {@code ON CONFLICT} has nothing to match): each row
 * updates the row with its key, or is inserted when there is none, inside the writing transaction. The store was
 * opened only if no key repeats in it ({@link RepeatedRows}), so an update touches one row.
 */
final class SqliteUnkeyedSink implements BulkSink {

    private final PreparedStatement update;
    private final PreparedStatement insert;
    private final int keyPosition;
    /** Where each column the update sets is in a row's values. */
    private final int[] updatedPositions;

    SqliteUnkeyedSink(Connection connection, TableWrite write) throws SQLException {
        List<String> columns = write.columns();
        this.keyPosition = columns.indexOf(write.keyColumn());
        String key = Dialect.quote(write.keyColumn());
        List<String> values = write.valueColumns().isEmpty() ? List.of(write.keyColumn()) : write.valueColumns();
        this.update = connection.prepareStatement("UPDATE " + write.table() + " SET "
                + values.stream().map(column -> Dialect.quote(column) + " = ?").collect(Collectors.joining(", ")) + " WHERE " + key + " = ?");
        this.insert = connection.prepareStatement("INSERT INTO " + write.table() + " (" + columns.stream().map(Dialect::quote).collect(Collectors.joining(", "))
                + ") VALUES (" + columns.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")");
        this.updatedPositions = values.stream().mapToInt(columns::indexOf).toArray();
    }

    @Override
    public void add(Object[] values) throws SQLException {
        for (int i = 0; i < updatedPositions.length; i++) {
            update.setObject(i + 1, values[updatedPositions[i]]);
        }
        update.setObject(updatedPositions.length + 1, values[keyPosition]);
        if (update.executeUpdate() == 0) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }

    /** Each row is written as it is added, so that a key given twice updates the row its first insert made. */
    @Override
    public void flush() {
    }

    @Override
    public void finish() throws SQLException {
        update.close();
        insert.close();
    }
}
