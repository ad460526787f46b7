package dev.sessiondb.store.sql;

import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreLocator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What SQLite's {@code PRAGMA quick_check} finds damaged in a file: a page cut in half still
 * opens and reads (its records silently missing) until a write meets it. The check reads every
 * table's pages, on a read-only connection of its own, so it can run beside a read of the records.
 */
final class SqliteDamage {

    /** How many of quick_check's problems a message names; the rest are counted. */
    private static final int NAMED = 3;

    private SqliteDamage() {
    }

    static Optional<StoreFaults.Fault> of(StoreLocator locator) {
        String file = locator.path().toString();
        try (Connection connection = SqlCatalog.connect(locator, Dialect.SQLITE); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 5000");
            List<String> problems = new ArrayList<>();
            for (String table : tables(statement)) {
                try (ResultSet rows = statement.executeQuery("PRAGMA quick_check(" + Dialect.quote(table) + ")")) {
                    while (rows.next()) {
                        // "ok" alone means no damage; a row may hold several problems, one a line, under "*** in database main ***"
                        rows.getString(1).lines().filter(line -> !line.equals("ok") && !line.startsWith("*** ")).forEach(problems::add);
                    }
                }
            }
            return problems.isEmpty() ? Optional.empty() : Optional.of(StoreFaults.damagedSqlite(file, "SQLite's quick_check: " + named(problems)));
        } catch (SQLException e) {
            if (StoreFaults.isSqliteDamage(e)) {
                return Optional.of(StoreFaults.damagedSqlite(file, null));
            }
            throw new StoreException(locator.display() + ": cannot check the file for damage (" + StoreFaults.describe(e) + ")", e);
        }
    }

    /**
     * Every table but the virtual ones, whose pages are their shadow tables': checked one by one,
     * quick_check reads each b-tree's pages without also checking a full-text index against its
     * content, which took it twice as long (300k sessions: 165-171 ms against 331-436 ms).
     */
    private static List<String> tables(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static String named(List<String> problems) {
        List<String> shown = problems.subList(0, Math.min(NAMED, problems.size()));
        return String.join("; ", shown) + (problems.size() > NAMED ? "; and more" : "");
    }
}
