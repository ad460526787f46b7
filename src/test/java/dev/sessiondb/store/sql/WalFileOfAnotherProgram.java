package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A SQLite file in WAL mode another program holds open, with 2,000 rows in commits it has not checkpointed: the tests' ground. */
abstract class WalFileOfAnotherProgram {

    @TempDir
    Path dir;
    Path database;
    /** The other program, running: while it is open, its commits stay in the WAL until it checkpoints them. */
    Connection other;

    @BeforeEach
    void walFileWithUncheckpointedCommits() throws Exception {
        database = dir.resolve("store.db");
        other = DriverManager.getConnection("jdbc:sqlite:" + database);
        execute("PRAGMA journal_mode=WAL");
        execute("PRAGMA wal_autocheckpoint=0");
        execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
        execute("INSERT INTO t SELECT value, 'first ' || value FROM (WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n"
                + " WHERE value < 2000) SELECT value FROM n)");
    }

    @AfterEach
    void closeIt() throws SQLException {
        other.close();
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = other.createStatement()) {
            statement.execute(sql);
        }
    }

    void checkpoint(String mode) throws SQLException {
        try (Statement statement = other.createStatement(); ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            result.next();
            assertThat(result.getInt(1)).as("the checkpoint did all it was asked").isZero();
        }
    }

    Path wal() {
        return Path.of(database + "-wal");
    }
}
