package dev.sessiondb.store.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Another program asking once, without waiting, for a SQLite file's exclusive lock: prints
 * "taken" when it got it (and lets go), "busy" when a reader or writer elsewhere holds the file.
 */
public final class SqliteLockProbe {

    private SqliteLockProbe() {
    }

    public static void main(String[] args) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + args[0]); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 0");
            try {
                statement.execute("BEGIN EXCLUSIVE");
                statement.execute("ROLLBACK");
                System.out.print("taken");
            } catch (SQLException busy) {
                System.out.print("busy");
            }
        }
    }
}
