package dev.sessiondb.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/** The rows of a SQLite store's sessions table a job inserts, updates or deletes, logged by triggers beside the store's tables. */
final class RowsTouched {

    private RowsTouched() {
    }

    /** Each row an insert, update or delete touches from now on is logged. */
    static void record(Path sqlite) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + sqlite); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE test_rows_touched (row_id INTEGER)");
            for (String change : List.of("INSERT", "UPDATE", "DELETE")) {
                String row = change.equals("DELETE") ? "old.rowid" : "new.rowid";
                statement.execute("CREATE TRIGGER test_" + change.toLowerCase(Locale.ROOT) + " AFTER " + change
                        + " ON sessions BEGIN INSERT INTO test_rows_touched VALUES (" + row + "); END");
            }
        }
    }

    static long since(Path sqlite) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
             ResultSet result = connection.createStatement().executeQuery("SELECT count(DISTINCT row_id) FROM test_rows_touched")) {
            return result.getLong(1);
        }
    }
}
