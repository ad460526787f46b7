package dev.sessiondb.validation;

import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
            String schema = locator.param("schema").orElse(null);
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
        if (locator.format() == StoreFormat.SQLITE) {
            Properties properties = new Properties();
            properties.setProperty("open_mode", "1");
            return DriverManager.getConnection("jdbc:sqlite:" + locator.path(), properties);
        }
        URI uri = URI.create(locator.target());
        Properties properties = new Properties();
        if (uri.getRawUserInfo() != null) {
            String[] user = uri.getRawUserInfo().split(":", 2);
            properties.setProperty("user", URLDecoder.decode(user[0], StandardCharsets.UTF_8));
            if (user.length == 2) {
                properties.setProperty("password", URLDecoder.decode(user[1], StandardCharsets.UTF_8));
            }
        }
        properties.setProperty("readOnly", "true");
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath(), properties);
    }
}
