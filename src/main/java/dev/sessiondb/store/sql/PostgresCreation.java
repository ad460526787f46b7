package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreLeftoversException;
import dev.sessiondb.store.StoreLocator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What was in a PostgreSQL store's schema before a job made the store there, so that a store the job never put in place,
 * or one its undo removes, leaves no empty tables behind, nor a schema the job created: the message "the target was not
 * changed" is then true of the database too. Only tables that were not there before go, in one transaction.
 */
final class PostgresCreation {

    private static final int ANSWER_SECONDS = 10;
    private static final String NO_DATABASE = "3D000";

    private final StoreLocator locator;
    private final boolean schemaExisted;
    private final Set<String> tablesBefore;

    private PostgresCreation(StoreLocator locator, boolean schemaExisted, Set<String> tablesBefore) {
        this.locator = locator;
        this.schemaExisted = schemaExisted;
        this.tablesBefore = tablesBefore;
    }

    /**
     * Looks at the schema now, before anything of the store is made, once what an earlier job's unfinished creation left
     * there is removed ({@link UnfinishedCreation}).
     */
    static PostgresCreation before(StoreLocator locator) {
        try (Connection connection = SqlCatalog.connectToPostgresForWriting(locator, ANSWER_SECONDS)) {
            Optional<UnfinishedCreation> unfinished = UnfinishedCreation.in(connection);
            if (unfinished.isPresent() && !unfinished.get().remove(connection)) {
                throw new StoreException(locator.display() + ": the empty tables an unfinished job left (" + unfinished.get().tablesNamed()
                        + ") were written or finished by another job while this one was removing them; nothing was written; run the job again");
            }
            connection.setAutoCommit(true);
            return new PostgresCreation(locator, schemaExists(connection, schema(locator)), Dialect.POSTGRESQL.tables(connection));
        } catch (SQLException e) {
            throw PgErrors.describe(locator, PgCredentials.resolve(locator), e);
        }
    }

    /**
     * Drops the tables made since {@link #before}, then the schema if it was made too and holds nothing else. With the
     * server gone, what is left is named: {@code storeTables} (and the schema history) less those there before.
     */
    void takeAway(List<String> storeTables) {
        try {
            drop(locator, made -> made.removeAll(tablesBefore), !schemaExisted);
        } catch (StoreException e) {
            throw new StoreLeftoversException(locator.display(), leftovers(storeTables, e), e.getCause());
        }
    }

    private String leftovers(List<String> storeTables, StoreException failure) {
        String schema = schema(locator);
        Set<String> made = withHistory(storeTables);
        made.removeAll(tablesBefore);
        String named = String.join(", ", made.stream().map(table -> Dialect.quote(schema) + "." + Dialect.quote(table)).toList());
        String drop = "DROP TABLE " + named + ";" + (schemaExisted ? "" : " DROP SCHEMA " + Dialect.quote(schema) + ";");
        return "the target holds none of the records, but the empty tables the job made could not be taken away (" + StoreFaults.of(failure).map(StoreFaults.Fault::what).orElseGet(() -> SqlFailures.firstLine(failure))
                + "): " + named + (schemaExisted ? "" : " in the schema " + schema + " it made") + "; once the server is back, remove them with " + drop + " or leave them: they are marked as a job's unfinished creation,"
                + " which the next job into this store removes itself";
    }

    /**
     * Undo of the job that created a store, after its records went: drops the store's {@code tables} and sessiondb's schema
     * history, if each holds no row (a table another program wrote to meanwhile stays, and with it the schema), then, when
     * {@code schemaToo} (the job made it), the schema when nothing else is left in it (never {@code public}).
     */
    static void dropEmptied(StoreLocator locator, List<String> tables, boolean schemaToo) {
        drop(locator, present -> present.retainAll(withHistory(tables)), schemaToo);
    }

    /** Whether the locator's schema exists now; false when its database does not. */
    static boolean schemaExists(StoreLocator locator) {
        try (Connection connection = SqlCatalog.connectToPostgres(locator, ANSWER_SECONDS)) {
            return schemaExists(connection, schema(locator));
        } catch (SQLException e) {
            if (NO_DATABASE.equals(e.getSQLState())) {
                return false;
            }
            throw PgErrors.describe(locator, PgCredentials.resolve(locator), e);
        }
    }

    private static Set<String> withHistory(List<String> tables) {
        Set<String> all = new LinkedHashSet<>(tables);
        all.add(NativeSchema.HISTORY_TABLE);
        return all;
    }

    private static void drop(StoreLocator locator, Consumer<Set<String>> choose, boolean schemaToo) {
        String schema = schema(locator);
        try (Connection connection = SqlCatalog.connectToPostgresForWriting(locator, ANSWER_SECONDS)) {
            connection.setAutoCommit(false);
            Set<String> tables = new LinkedHashSet<>(Dialect.POSTGRESQL.tables(connection));
            choose.accept(tables);
            try (Statement statement = connection.createStatement()) {
                if (!tables.isEmpty()) {
                    String named = String.join(", ", tables.stream().map(table -> Dialect.quote(schema) + "." + Dialect.quote(table)).toList());
                    // locked first, so that no row arrives between the look and the drop
                    statement.execute("LOCK TABLE " + named + " IN ACCESS EXCLUSIVE MODE");
                    if (anyRow(statement, tables, schema)) {
                        connection.rollback();
                        return;
                    }
                    // one statement, so that tables referring to each other go together; RESTRICT: what another program built on them stays
                    statement.execute("DROP TABLE " + named);
                }
                if (schemaToo && !"public".equals(schema)) {
                    Savepoint beforeSchema = connection.setSavepoint();
                    try {
                        statement.execute("DROP SCHEMA " + Dialect.quote(schema));
                    } catch (SQLException notEmpty) {
                        connection.rollback(beforeSchema); // something else lives there: the schema stays
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new StoreException(locator.display() + ": the empty tables the job made could not be taken away (" + SqlFailures.firstLine(e)
                    + "); they hold no record: drop them by hand, or leave them", e);
        }
    }

    private static boolean anyRow(Statement statement, Set<String> tables, String schema) throws SQLException {
        for (String table : tables) {
            try (ResultSet rows = statement.executeQuery("SELECT 1 FROM " + Dialect.quote(schema) + "." + Dialect.quote(table) + " LIMIT 1")) {
                if (rows.next() && !table.equals(NativeSchema.HISTORY_TABLE)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String schema(StoreLocator locator) {
        return locator.param("schema").filter(text -> !text.isBlank()).orElse("public");
    }

    private static boolean schemaExists(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
