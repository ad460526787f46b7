package dev.sessiondb.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What a Flyway schema history table says, read with one query instead of Flyway: opening a
 * store for reading never writes (Flyway's own checks may create or lock tables), and Flyway takes
 * about half a second to start in a fresh JVM, which an up-to-date schema does not need.
 */
public final class SchemaHistory {

    private SchemaHistory() {
    }

    /**
     * The newest version the history records as applied, or "none" when the table is missing or
     * empty; the read's transaction is ended before the connection goes back.
     */
    public static String installedVersion(DataSource dataSource, String table) throws SQLException {
        String sql = "SELECT version FROM " + table + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC";
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : "none";
            } catch (SQLException noHistory) {
                return "none";
            } finally {
                connection.rollback();
            }
        }
    }
}
