package dev.sessiondb.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The mark a staged PostgreSQL store's creation leaves in the target itself until its records are committed: each table it
 * makes (and the schema, when it makes that too) carries {@link #MARK} as its comment, set in the creation's own transaction
 * and cleared in the records' one. A store whose server was lost before its commit is then known by every trace as an
 * unfinished creation of ours, not taken for a store that was there before, and the next job into it removes it. A table
 * that holds a row, or a store whose sessions table is not marked, is never one: it may hold a user's data.
 */
final class UnfinishedCreation {

    static final String MARK = "sessiondb-admin: made by a job that has not finished; it holds none of your records,"
            + " and the next sessiondb job into this store removes it while it is empty";

    private final String schema;
    private final Set<String> tables;
    private final boolean schemaToo;

    private UnfinishedCreation(String schema, Set<String> tables, boolean schemaToo) {
        this.schema = schema;
        this.tables = tables;
        this.schemaToo = schemaToo;
    }

    /** Marks the tables of the connection's schema that are not among {@code tablesBefore}: those the creation made. */
    static void mark(Connection connection, Set<String> tablesBefore) throws SQLException {
        String schema = currentSchema(connection);
        try (Statement statement = connection.createStatement()) {
            for (String table : Dialect.POSTGRESQL.tables(connection)) {
                if (!tablesBefore.contains(table)) {
                    statement.execute("COMMENT ON TABLE " + qualified(schema, table) + " IS " + literal(MARK));
                }
            }
        }
    }

    /** Marks a schema the creation made, in the transaction that made it. */
    static void markSchema(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("COMMENT ON SCHEMA " + Dialect.quote(schema) + " IS " + literal(MARK));
        }
    }

    /** Clears the marks of the connection's schema, in the transaction that commits the store's records. */
    static void clear(Connection connection) throws SQLException {
        String schema = currentSchema(connection);
        try (Statement statement = connection.createStatement()) {
            for (String table : marked(connection, schema)) {
                statement.execute("COMMENT ON TABLE " + qualified(schema, table) + " IS NULL");
            }
            if (schemaMarked(connection, schema)) {
                statement.execute("COMMENT ON SCHEMA " + Dialect.quote(schema) + " IS NULL");
            }
        }
    }

    /** The unfinished creation in the connection's schema, if its sessions table is marked and no marked table holds a row. */
    static Optional<UnfinishedCreation> in(Connection connection) throws SQLException {
        String schema = currentSchema(connection);
        Set<String> marked = marked(connection, schema);
        if (!marked.contains("sessions") || anyRow(connection, schema, marked)) {
            return Optional.empty();
        }
        return Optional.of(new UnfinishedCreation(schema, marked, schemaMarked(connection, schema)
                && marked.containsAll(Dialect.POSTGRESQL.tables(connection))));
    }

    /** Whether the schema was made by the unfinished creation alone: nothing else lives in it. */
    boolean madeTheSchema() {
        return schemaToo;
    }

    /** The tables, schema-qualified and quoted, as a plan or a DROP statement names them. */
    String tablesNamed() {
        return String.join(", ", tables.stream().map(table -> qualified(schema, table)).toList());
    }

    /**
     * Drops the tables (and the schema, when it made that too and nothing else is left in it), in one transaction of the
     * connection's, after looking again under the tables' lock: a row that arrived, or a commit that finished meanwhile,
     * leaves everything as it is.
     *
     * @return whether they went
     */
    boolean remove(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE " + tablesNamed() + " IN ACCESS EXCLUSIVE MODE");
            Optional<UnfinishedCreation> now = in(connection);
            if (now.isEmpty() || !now.get().tables.equals(tables)) {
                connection.rollback();
                return false;
            }
            statement.execute("DROP TABLE " + tablesNamed()); // RESTRICT: what another program built on them stays, and they with it
            if (schemaToo && !"public".equals(schema)) {
                Savepoint beforeSchema = connection.setSavepoint();
                try {
                    statement.execute("DROP SCHEMA " + Dialect.quote(schema));
                } catch (SQLException notEmpty) {
                    connection.rollback(beforeSchema);
                }
            }
            connection.commit();
            return true;
        } catch (SQLException e) {
            SqlTransactions.rollBack(connection, e);
            throw e;
        }
    }

    private static Set<String> marked(Connection connection, String schema) throws SQLException {
        Set<String> marked = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND obj_description(c.oid, 'pg_class') = ?")) {
            statement.setString(1, schema);
            statement.setString(2, MARK);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    marked.add(rows.getString(1));
                }
            }
        }
        return marked;
    }

    private static boolean schemaMarked(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ? AND obj_description(oid, 'pg_namespace') = ?")) {
            statement.setString(1, schema);
            statement.setString(2, MARK);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Any row in a marked table; the schema history's own rows are the creation's. */
    private static boolean anyRow(Connection connection, String schema, Set<String> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                if (table.equals(NativeSchema.HISTORY_TABLE)) {
                    continue;
                }
                try (ResultSet rows = statement.executeQuery("SELECT 1 FROM " + qualified(schema, table) + " LIMIT 1")) {
                    if (rows.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT current_schema()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String qualified(String schema, String table) {
        return Dialect.quote(schema) + "." + Dialect.quote(table);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
