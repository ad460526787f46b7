package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreCatalog;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.sqlite.SQLiteOpenMode;

/**
 * A SQL store's tables and columns as {@link TableCatalog} reads them, over a read-only
 * connection that builds no pool and runs no migration: what a layout promises is checked against it.
 */
final class SqlCatalog {

    private SqlCatalog() {
    }

    static StoreCatalog read(StoreLocator locator, Dialect dialect) {
        try (Connection connection = connect(locator, dialect)) {
            Map<String, List<StoreCatalog.Column>> tables = new LinkedHashMap<>();
            for (String table : TableCatalog.tableNames(connection, dialect)) {
                List<StoreCatalog.Column> columns = TableCatalog.read(connection, dialect, table).columns().values().stream()
                        .map(column -> new StoreCatalog.Column(column.name(), column.type(), Optional.ofNullable(column.maxLength()), !column.notNull()))
                        .toList();
                tables.put(table.toLowerCase(Locale.ROOT), columns);
            }
            return new StoreCatalog(tables);
        } catch (SQLException e) {
            throw new StoreException(locator.display() + ": cannot read the database's tables and columns (" + e.getMessage()
                    + "); check that the database is reachable", e);
        }
    }

    /** A read-only connection to the store's database (and schema), without a pool. */
    static Connection connect(StoreLocator locator, Dialect dialect) throws SQLException {
        Properties properties = new Properties();
        if (dialect == Dialect.SQLITE) {
            SqliteReadAccess.Access access = SqliteReadAccess.of(locator.path());
            properties.setProperty("open_mode", String.valueOf(SQLiteOpenMode.READONLY.flag | (access.immutable() ? SQLiteOpenMode.OPEN_URI.flag : 0)));
            return DriverManager.getConnection("jdbc:sqlite:" + access.fileName(), properties);
        }
        Connection connection = connectToPostgres(locator, properties);
        connection.setReadOnly(true);
        return connection;
    }

    /**
     * A read-only connection to a PostgreSQL store's database and schema that gives up after
     * {@code seconds} on a server that does not answer, in connecting as in each statement.
     */
    static Connection connectToPostgres(StoreLocator locator, int seconds) throws SQLException {
        Connection connection = connectToPostgresForWriting(locator, seconds);
        connection.setReadOnly(true);
        return connection;
    }

    /** As {@link #connectToPostgres(StoreLocator, int)}, allowed to write: to take away what a job created. */
    static Connection connectToPostgresForWriting(StoreLocator locator, int seconds) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", String.valueOf(seconds));
        properties.setProperty("loginTimeout", String.valueOf(seconds));
        properties.setProperty("socketTimeout", String.valueOf(seconds));
        return connectToPostgres(locator, properties);
    }

    private static Connection connectToPostgres(StoreLocator locator, Properties properties) throws SQLException {
        PgCredentials credentials = PgCredentials.resolve(locator);
        properties.setProperty("user", credentials.user());
        if (credentials.password() != null) {
            properties.setProperty("password", credentials.password());
        }
        // the catalogue reader asks current_schema(), so the store's schema must be the connection's
        locator.param("schema").filter(text -> !text.isBlank()).ifPresent(schema -> properties.setProperty("currentSchema", Dialect.quote(schema)));
        return DriverManager.getConnection(credentials.jdbcUrl(), properties);
    }
}
