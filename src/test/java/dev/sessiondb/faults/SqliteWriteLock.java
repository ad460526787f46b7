package dev.sessiondb.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A second process holding a SQLite file's write lock, as Minsky does while it writes: opens the
 * file, begins an exclusive transaction, says "locked", and holds it until its stdin closes.
 */
public final class SqliteWriteLock {

    private SqliteWriteLock() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + args[0]); Statement statement = connection.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the test lets go
            }
            statement.execute("ROLLBACK");
        }
    }
}
