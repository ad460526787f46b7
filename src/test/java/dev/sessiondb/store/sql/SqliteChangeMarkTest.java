package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * A SQLite file's change mark ({@link SqliteFingerprint#of}), which plans and undo compare, against another program's
 * connection to the same file: its checkpoints (which rewrite the database file and empty or delete the WAL) leave the mark
 * as it was; each of its commits moves it, one that leaves the file's size as it was and one made in rollback-journal mode too.
 */
class SqliteChangeMarkTest extends WalFileOfAnotherProgram {

    @Test
    void checkpointsAndTheLastCloseLeaveTheMarkAsItWas() throws Exception {
        assertThat(Files.size(wal())).as("the commits are in the WAL yet").isPositive();
        long sizeBefore = Files.size(database);
        String before = SqliteFingerprint.of(database);

        checkpoint("PASSIVE");
        assertThat(SqliteFingerprint.of(database)).isEqualTo(before);
        checkpoint("TRUNCATE");
        assertThat(SqliteFingerprint.of(database)).isEqualTo(before);
        other.close(); // the last connection: it checkpoints and deletes the WAL

        assertThat(Files.size(database)).as("the checkpoints copied the WAL into the database file").isNotEqualTo(sizeBefore);
        assertThat(wal()).doesNotExist();
        assertThat(SqliteFingerprint.of(database)).isEqualTo(before);
    }

    @Test
    void aWriteThatLeavesTheFileAsLargeAsItWasMovesTheMarkAlsoOnceCheckpointedAway() throws Exception {
        checkpoint("TRUNCATE");
        long sizeBefore = Files.size(database);
        String before = SqliteFingerprint.of(database);

        execute("UPDATE t SET v = 'other ' || k WHERE k = 7");
        checkpoint("TRUNCATE");

        assertThat(Files.size(database)).isEqualTo(sizeBefore);
        assertThat(Files.size(wal())).isZero();
        assertThat(SqliteFingerprint.of(database)).isNotEqualTo(before);
    }

    @Test
    void aWriteInRollbackJournalModeMovesTheMarkWhicheverModeTheFileIsLeftIn() throws Exception {
        String before = SqliteFingerprint.of(database);

        execute("PRAGMA journal_mode=DELETE");
        execute("UPDATE t SET v = 'other ' || k WHERE k = 7");
        String inRollbackMode = SqliteFingerprint.of(database);
        execute("PRAGMA journal_mode=WAL");

        assertThat(inRollbackMode).isNotEqualTo(before);
        assertThat(SqliteFingerprint.of(database)).isNotEqualTo(before);
    }

    @Test
    void framesOfAWriteRolledBackAreNoChange() throws Exception {
        String before = SqliteFingerprint.of(database);
        long walBefore = Files.size(wal());

        // a write larger than the page cache spills its pages into the WAL before any commit
        execute("PRAGMA cache_size=5");
        other.setAutoCommit(false);
        execute("INSERT INTO t (v) SELECT hex(randomblob(500)) FROM t");
        other.rollback();
        other.setAutoCommit(true);

        assertThat(Files.size(wal())).as("the rolled-back write left its frames").isGreaterThan(walBefore);
        assertThat(SqliteFingerprint.of(database)).isEqualTo(before);
    }
}
