package dev.sessiondb.store.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether any row has a value in one column: the first such row answers, so it costs a row where the field is common, and a
 * scan of the column where no row has one.
 */
final class FieldPresence {

    private final String sql;

    FieldPresence(Layout layout, String column) {
        this.sql = "SELECT 1 FROM " + layout.rows() + " s WHERE " + column + " IS NOT NULL LIMIT 1";
    }

    boolean anyHas(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next();
        }
    }
}
