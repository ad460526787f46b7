package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * A SQLite source's write mark against another connection to the same file: each of its commits moves the mark, whatever it
 * does after; its checkpoints alone (which change the database file and empty the WAL) do not.
 */
class SqliteWriteMarkTest {

    @TempDir
    Path dir;
    private Path database;
    private SqliteWriteMark mark;
    /** The other program, running: while it is open, no other connection of it closes last (which checkpoints and deletes the WAL). */
    private Connection running;

    @BeforeEach
    void walFileWithUncheckpointedCommits() throws Exception {
        database = dir.resolve("source.db");
        running = other();
        execute(running, "PRAGMA journal_mode=WAL");
        execute(running, "CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
        commit("INSERT INTO t SELECT value, 'first' FROM (WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 200)"
                + " SELECT value FROM n)");
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + database);
        mark = new SqliteWriteMark(database, source, false);
    }

    @AfterEach
    void closeBoth() throws SQLException {
        mark.close();
        running.close();
    }

    @Test
    void checkpointsOfCommitsTheWalStillHeldLeaveTheMarkAsItWas() throws Exception {
        assertThat(Files.size(wal())).as("the commits are in the WAL yet").isPositive();
        String before = mark.now();
        long sizeBefore = Files.size(database);

        assertThat(checkpoint("PASSIVE")).isZero();
        checkpoint("TRUNCATE");
        running.close(); // the other program ends: its last connection would checkpoint and delete the WAL

        assertThat(Files.size(database)).as("the checkpoint copied the WAL into the database file").isNotEqualTo(sizeBefore);
        assertThat(mark.now()).isEqualTo(before);
    }

    @Test
    void emptyingAWalTheDatabaseFileAlreadyHoldsLeavesTheMarkAsItWas() throws Exception {
        assertThat(checkpoint("PASSIVE")).isZero();
        String before = mark.now();

        assertThat(checkpoint("TRUNCATE")).as("nothing held the emptying back").isZero();

        assertThat(Files.size(wal())).isZero();
        assertThat(mark.now()).isEqualTo(before);
    }

    @Test
    void aCommitMovesTheMarkAlsoWhenItsWriterCheckpointsTheWalAwayAfterIt() throws Exception {
        String before = mark.now();

        commit("UPDATE t SET v = 'updated in place' WHERE k = 7");
        checkpoint("TRUNCATE");
        running.close();

        assertThat(mark.now()).isNotEqualTo(before);
    }

    @Test
    void aCommitAfterTheDatabaseFileHeldTheWholeWalMovesTheMarkAlsoWhenItsWriterCheckpointsAfterIt() throws Exception {
        assertThat(checkpoint("PASSIVE")).isZero();
        String before = mark.now();

        commit("UPDATE t SET v = 'updated in place' WHERE k = 7");
        checkpoint("TRUNCATE");
        checkpoint("PASSIVE");

        assertThat(mark.now()).isNotEqualTo(before);
    }

    @Test
    void aCommitInRollbackJournalModeMovesTheMarkAndTheMarkKeepsNoWriterOut() throws Exception {
        execute(running, "PRAGMA journal_mode=DELETE");
        String before = mark.now();

        commit("UPDATE t SET v = 'updated in place' WHERE k = 7"); // with a read held this would fail as busy at once

        assertThat(mark.now()).isNotEqualTo(before);
    }

    @Test
    void aMarkAfterThePinWasLetGoDiffersFromEveryMarkBefore() {
        String before = mark.now();

        mark.release();

        assertThat(mark.now()).isNotEqualTo(before);
    }

    /** The other program's connection: it waits for no lock, so a checkpoint the mark holds back answers at once. */
    private Connection other() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout=0");
            statement.execute("PRAGMA wal_autocheckpoint=0");
        }
        return connection;
    }

    private void commit(String sql) throws SQLException {
        try (Connection other = other()) {
            execute(other, sql);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The checkpoint's "busy" answer: 0 when it did all it was asked. */
    private int checkpoint(String mode) throws SQLException {
        try (Connection other = other(); ResultSet result = other.createStatement().executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            result.next();
            return result.getInt(1);
        }
    }

    private Path wal() {
        return Path.of(database + "-wal");
    }
}
