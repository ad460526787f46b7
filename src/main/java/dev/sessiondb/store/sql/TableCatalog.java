package dev.sessiondb.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a table's own catalogue says about it: each column's declared type, length limit and
 * nullability, and the foreign keys leaving it. Read once when a store opens, so a plan can
 * name every record the database would refuse before anything is written.
 *
 * @param columns     by name, in table order
 * @param foreignKeys the table's foreign keys, one per referencing column
 */
record TableCatalog(String table, Map<String, Column> columns, List<ForeignKey> foreignKeys) {

    TableCatalog {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        foreignKeys = List.copyOf(foreignKeys);
    }

    static TableCatalog read(Connection connection, Dialect dialect, String table) throws SQLException {
        return new TableCatalog(table, columns(connection, dialect, table), foreignKeys(connection, dialect, table));
    }

    /** The names of the tables in the connection's schema (PostgreSQL: {@code current_schema()}), in the database's order. */
    static List<String> tableNames(Connection connection, Dialect dialect) throws SQLException {
        String sql = dialect == Dialect.POSTGRESQL
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name"
                : "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    boolean exists() {
        return !columns.isEmpty();
    }

    Optional<ForeignKey> foreignKey(String column) {
        return foreignKeys.stream().filter(key -> key.column().equals(column)).findFirst();
    }

    private static Map<String, Column> columns(Connection connection, Dialect dialect, String table) throws SQLException {
        String sql = dialect == Dialect.POSTGRESQL
                ? "SELECT column_name, data_type, character_maximum_length, is_nullable = 'NO' FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position"
                : "SELECT name, type, NULL, \"notnull\" <> 0 FROM pragma_table_info(?)";
        Map<String, Column> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    int length = rows.getInt(3);
                    Integer maxLength = rows.wasNull() ? null : length;
                    columns.put(name, new Column(name, rows.getString(2).toLowerCase(Locale.ROOT), maxLength, rows.getBoolean(4)));
                }
            }
        }
        return columns;
    }

    private static List<ForeignKey> foreignKeys(Connection connection, Dialect dialect, String table) throws SQLException {
        // PostgreSQL: pg_constraint names the referenced table even when it lives in another schema
        String sql = dialect == Dialect.POSTGRESQL
                ? "SELECT a.attname, rn.nspname, rc.relname, ra.attname FROM pg_constraint c"
                        + " JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace"
                        + " JOIN pg_class rc ON rc.oid = c.confrelid JOIN pg_namespace rn ON rn.oid = rc.relnamespace"
                        + " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
                        + " JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]"
                        + " WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND tn.nspname = current_schema() AND t.relname = ?"
                : "SELECT \"from\", NULL, \"table\", \"to\" FROM pragma_foreign_key_list(?)";
        List<ForeignKey> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(new ForeignKey(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
        }
        return keys;
    }

    /**
     * A column as the database declares it.
     *
     * @param type      the lower-case declared type ({@code character varying}, {@code integer}, {@code TEXT} in SQLite lowered)
     * @param maxLength the most characters the column holds, or null when it has no limit (always null in SQLite)
     */
    record Column(String name, String type, Integer maxLength, boolean notNull) {

        boolean isTimestamp() {
            return type.startsWith("timestamp");
        }

        /** SQLite declares {@code INTEGER}; PostgreSQL names its integer types. */
        boolean isInteger() {
            return type.equals("integer") || type.equals("bigint") || type.equals("smallint");
        }

        boolean isUuid() {
            return type.equals("uuid");
        }

        boolean isBoolean() {
            return type.equals("boolean");
        }
    }

    /**
     * A single-column foreign key.
     *
     * @param referencedSchema the referenced table's schema (PostgreSQL), or null (SQLite)
     */
    record ForeignKey(String column, String referencedSchema, String referencedTable, String referencedColumn) {

        /** The referenced table, schema-qualified where the database has schemas. */
        String qualifiedTable() {
            return referencedSchema == null ? Dialect.quote(referencedTable) : Dialect.quote(referencedSchema) + "." + Dialect.quote(referencedTable);
        }
    }
}
