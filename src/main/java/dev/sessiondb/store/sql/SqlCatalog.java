package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreCatalog;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A SQL store's tables and columns from the database's own catalogue, over a read-only
 * connection that builds no pool and runs no migration: what a layout promises is checked against it.
 */
final class SqlCatalog {

    private SqlCatalog() {
    }

    static StoreCatalog read(StoreLocator locator, Dialect dialect) {
        try (Connection connection = connect(locator, dialect)) {
            String schema = dialect == Dialect.POSTGRESQL ? locator.param("schema").orElse(connection.getSchema()) : null;
            Map<String, List<StoreCatalog.Column>> tables = new LinkedHashMap<>();
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet rows = metaData.getColumns(null, schema, "%", "%")) {
                while (rows.next()) {
                    String table = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    String type = rows.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
                    int size = rows.getInt("COLUMN_SIZE");
                    Optional<Integer> length = size > 0 && size < Integer.MAX_VALUE && type.contains("char") ? Optional.of(size) : Optional.empty();
                    tables.computeIfAbsent(table, name -> new ArrayList<>()).add(new StoreCatalog.Column(rows.getString("COLUMN_NAME"), type,
                            length, rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
                }
            }
            return new StoreCatalog(tables);
        } catch (SQLException e) {
            throw new StoreException(locator.display() + ": cannot read the database's tables and columns (" + e.getMessage()
                    + "); check that the database is reachable", e);
        }
    }

    private static Connection connect(StoreLocator locator, Dialect dialect) throws SQLException {
        Properties properties = new Properties();
        if (dialect == Dialect.SQLITE) {
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
