package dev.sessiondb.validation;

import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.PgCredentials;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The columns a SQL store's {@code sessions} table really has, read from the database's own
 * catalogue over a read-only connection: what the store's layout promises is checked against it.
 */
public final class SqlColumns {

    private SqlColumns() {
    }

    /** Lower-cased column names of the sessions table; empty when the table does not exist. */
    public static Set<String> of(StoreLocator locator) {
        try (Connection connection = connect(locator)) {
            String schema = locator.format() == StoreFormat.POSTGRESQL ? locator.param("schema").orElse(connection.getSchema()) : null;
            Set<String> columns = new LinkedHashSet<>();
            try (ResultSet rows = connection.getMetaData().getColumns(null, schema, "sessions", null)) {
                while (rows.next()) {
                    columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return columns;
        } catch (SQLException e) {
            throw new StoreException(locator.display() + ": cannot read the sessions table's columns (" + e.getMessage() + "); check that the database is reachable", e);
        }
    }

    private static Connection connect(StoreLocator locator) throws SQLException {
        Properties properties = new Properties();
        if (locator.format() == StoreFormat.SQLITE) {
            properties.setProperty("open_mode", "1");
            return DriverManager.getConnection("jdbc:sqlite:" + locator.path(), properties);
        }
        PgCredentials credentials = PgCredentials.resolve(locator, System.getenv(), Path.of(System.getProperty("user.home")));
        properties.setProperty("user", credentials.user());
        if (credentials.password() != null) {
            properties.setProperty("password", credentials.password());
        }
        properties.setProperty("readOnly", "true");
        return DriverManager.getConnection(credentials.jdbcUrl(), properties);
    }
}
