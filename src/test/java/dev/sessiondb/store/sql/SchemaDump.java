package dev.sessiondb.store.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/** A database's schema and Flyway history as text, to compare a schema made at once with the one Flyway makes. */
public final class SchemaDump {

    private SchemaDump() {
    }

    /** Every table, index, trigger and view as SQLite keeps it, and the history. */
    public static String sqlite(DataSource dataSource, String historyTable) throws SQLException {
        return rows(dataSource, List.of("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name", history(historyTable)));
    }

    /** Columns, constraints and indexes of the connection's schema, its name left out, and the history. */
    public static String postgres(DataSource dataSource, String historyTable) throws SQLException {
        return rows(dataSource, List.of(
                "SELECT table_name, ordinal_position, column_name, data_type, collation_name, character_maximum_length, is_nullable, column_default"
                        + " FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY 1, 2",
                "SELECT c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace"
                        + " WHERE n.nspname = current_schema() ORDER BY 1",
                "SELECT indexname, replace(indexdef, current_schema() || '.', '') FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1",
                history(historyTable)));
    }

    /** What a history row says, less when and how fast it was applied. */
    private static String history(String table) {
        return "SELECT installed_rank, version, description, type, script, checksum, installed_by, success FROM " + table + " ORDER BY installed_rank";
    }

    private static String rows(DataSource dataSource, List<String> queries) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String query : queries) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            text.append(rows.getString(column)).append('|');
                        }
                        text.append('\n');
                    }
                }
            }
        }
        return text.toString();
    }
}
