package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreLocator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the connected PostgreSQL role may do with a store, asked of the catalogue, which every role
 * may read: a table the role may not read is missing from {@code information_schema}, so without
 * this a store it may not read looked absent, and a write it may not make failed only at the end,
 * in words meant for a folder. Each refusal names the role, the schema and table, and the GRANT an
 * administrator would run.
 */
final class PgPrivileges {

    /** The tables a store's write changes; a chat store also has {@code messages}. */
    private static final List<String> STORE_TABLES = List.of("sessions", "messages");
    private static final List<String> WRITE_PRIVILEGES = List.of("INSERT", "UPDATE", "DELETE");

    private PgPrivileges() {
    }

    /** Why the role may not read the store's sessions table, which is there: no USAGE on its schema or no SELECT on the table. */
    static Optional<StoreFaults.Fault> readRefusal(Connection connection, StoreLocator locator) throws SQLException {
        String schema = schema(connection, locator);
        Optional<Long> table = tableOid(connection, schema, "sessions");
        if (table.isEmpty()) {
            return Optional.empty();
        }
        String role = currentUser(connection);
        boolean usage = schemaAllows(connection, schema, "USAGE");
        if (usage && allows(connection, "has_table_privilege(?, 'SELECT')", table.get())) {
            return Optional.empty();
        }
        String missing = usage ? "SELECT on table " + qualified(schema, "sessions") : "USAGE on schema " + identifier(schema);
        return Optional.of(new StoreFaults.Fault("schema " + identifier(schema) + " holds a sessions table, but user " + role + " may not read it (no "
                + missing + ")", "ask an administrator of the database to run: " + grants(role, schema, usage, "SELECT", List.of("sessions"))
                + " or connect as a user who may read it"));
    }

    /**
     * Why the role may not write the store: INSERT, UPDATE or DELETE missing on an existing store's
     * tables (a replace deletes, it does not TRUNCATE), or, for a new store, CREATE on its schema
     * (on the database when the schema is to be made too).
     */
    static Optional<StoreFaults.Fault> writeRefusal(Connection connection, StoreLocator locator) throws SQLException {
        String schema = schema(connection, locator);
        String role = currentUser(connection);
        if (namespaceOid(connection, schema).isEmpty()) {
            return allows(connection, "has_database_privilege(current_database(), 'CREATE')", null) ? Optional.empty()
                    : Optional.of(new StoreFaults.Fault("user " + role + " may not create schema " + identifier(schema) + " for the new store (no CREATE on"
                    + " database " + identifier(database(connection)) + ")", "ask an administrator to run: GRANT CREATE ON DATABASE "
                    + identifier(database(connection)) + " TO " + identifier(role) + "; or give an existing schema the user may create tables in"));
        }
        boolean usage = schemaAllows(connection, schema, "USAGE");
        List<String> tables = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : STORE_TABLES) {
            Optional<Long> table = tableOid(connection, schema, name);
            if (table.isPresent()) {
                tables.add(name);
                for (String privilege : WRITE_PRIVILEGES) {
                    if (!allows(connection, "has_table_privilege(?, '" + privilege + "')", table.get()) && !missing.contains(privilege)) {
                        missing.add(privilege);
                    }
                }
            }
        }
        if (tables.isEmpty()) {
            return usage && schemaAllows(connection, schema, "CREATE") ? Optional.empty()
                    : Optional.of(new StoreFaults.Fault("user " + role + " may not create the new store's tables in schema " + identifier(schema) + " (no "
                    + (usage ? "" : "USAGE and ") + "CREATE on it)", "ask an administrator to run: GRANT " + (usage ? "" : "USAGE, ") + "CREATE ON SCHEMA "
                    + identifier(schema) + " TO " + identifier(role) + "; or choose a schema the user may create tables in"));
        }
        if (usage && missing.isEmpty()) {
            return historyRefusal(connection, schema, role);
        }
        String privileges = String.join(", ", missing.isEmpty() ? WRITE_PRIVILEGES : missing);
        return Optional.of(new StoreFaults.Fault("user " + role + " may not write table " + String.join(", ", tables.stream().map(table -> qualified(schema, table)).toList())
                + " (no " + (usage ? "" : "USAGE on schema " + identifier(schema) + (missing.isEmpty() ? "" : ", no ")) + (missing.isEmpty() ? "" : privileges) + ")",
                "ask an administrator of the database to run: " + grants(role, schema, usage, privileges, tables) + " or connect as a user who may write it"));
    }

    /** A native store's write first reads its schema history for the version; one it may not read would look like a store to upgrade from none. */
    private static Optional<StoreFaults.Fault> historyRefusal(Connection connection, String schema, String role) throws SQLException {
        Optional<Long> history = tableOid(connection, schema, NativeSchema.HISTORY_TABLE);
        if (history.isEmpty() || allows(connection, "has_table_privilege(?, 'SELECT')", history.get())) {
            return Optional.empty();
        }
        String table = qualified(schema, NativeSchema.HISTORY_TABLE);
        return Optional.of(new StoreFaults.Fault("user " + role + " may not read table " + table + " (no SELECT), which a write reads for the store's"
                + " schema version", "ask an administrator of the database to run: GRANT SELECT ON " + table + " TO " + identifier(role) + ";"
                + " or connect as a user who may read it"));
    }

    /** A write PostgreSQL refused (SQLSTATE 42501) as a fault that names what is missing, asked of the catalogue; the server's words when that fails. */
    static StoreFaults.Fault writeFault(StoreLocator locator, SQLException refused) {
        Optional<StoreFaults.Fault> why;
        try (Connection connection = SqlCatalog.connect(locator, Dialect.POSTGRESQL)) {
            why = writeRefusal(connection, locator);
        } catch (SQLException | RuntimeException unasked) {
            why = Optional.empty();
        }
        return why.orElseGet(() -> new StoreFaults.Fault("PostgreSQL refused the write (" + SqlFailures.firstLine(refused) + "); nothing was written",
                        "ask an administrator of the database to grant the user the privilege it names, or connect as a user who has it"));
    }

    /** The server's refusal of a privilege (SQLSTATE 42501) among the failure's causes. */
    static Optional<SQLException> permissionDenied(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "42501".equals(sql.getSQLState())) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private static String grants(String role, String schema, boolean usage, String privileges, List<String> tables) {
        String onTables = "GRANT " + privileges + " ON " + String.join(", ", tables.stream().map(table -> qualified(schema, table)).toList())
                + " TO " + identifier(role) + ";";
        return usage ? onTables : "GRANT USAGE ON SCHEMA " + identifier(schema) + " TO " + identifier(role) + "; " + onTables;
    }

    /** The store's schema: {@code ?schema=}, else the connection's (public, unless the server's search path says otherwise). */
    private static String schema(Connection connection, StoreLocator locator) throws SQLException {
        Optional<String> named = locator.param("schema").filter(text -> !text.isBlank());
        return named.isPresent() ? named.get() : text(connection, "SELECT coalesce(current_schema(), 'public')");
    }

    private static String currentUser(Connection connection) throws SQLException {
        return text(connection, "SELECT current_user");
    }

    private static String database(Connection connection) throws SQLException {
        return text(connection, "SELECT current_database()");
    }

    private static boolean schemaAllows(Connection connection, String schema, String privilege) throws SQLException {
        return allows(connection, "has_schema_privilege(?, '" + privilege + "')", namespaceOid(connection, schema).orElseThrow());
    }

    private static Optional<Long> namespaceOid(Connection connection, String schema) throws SQLException {
        return oid(connection, "SELECT oid FROM pg_namespace WHERE nspname = ?", schema, null);
    }

    private static Optional<Long> tableOid(Connection connection, String schema, String table) throws SQLException {
        return oid(connection, "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?"
                + " AND c.relkind IN ('r', 'p')", schema, table);
    }

    private static Optional<Long> oid(Connection connection, String sql, String first, String second) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, first);
            if (second != null) {
                statement.setString(2, second);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Asks a {@code has_*_privilege} of the current user, about the object of this oid when the call takes one. */
    private static boolean allows(Connection connection, String call, Long oid) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + call.replace("?", "CAST(? AS oid)"))) {
            if (oid != null) {
                statement.setLong(1, oid);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String qualified(String schema, String table) {
        return identifier(schema) + "." + identifier(table);
    }

    /** As a GRANT takes it: a plain lower-case name as it is, any other quoted. */
    private static String identifier(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : Dialect.quote(name);
    }
}
