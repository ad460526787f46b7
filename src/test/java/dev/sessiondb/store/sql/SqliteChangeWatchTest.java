package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The window's watch of a SQLite file ({@link SqliteChangeWatch}), which looks at the files' headers and times every few seconds
 * instead of a digest of every page, against another program's connection: each of its commits is seen, in the WAL, checkpointed
 * away at once, or in rollback-journal mode; its checkpoints alone are no change, the WAL emptied by one included.
 */
class SqliteChangeWatchTest extends WalFileOfAnotherProgram {

    @Test
    void aCommitInTheWalIsSeenAndNothingElseIs() throws Exception {
        SqliteChangeWatch watch = new SqliteChangeWatch(database);
        assertThat(watch.changed()).as("nothing written").isFalse();

        update(7);

        assertThat(watch.changed()).isTrue();
    }

    @Test
    void checkpointsAloneAreNoChangeTheWalEmptiedOrDeletedIncluded() throws Exception {
        SqliteChangeWatch watch = new SqliteChangeWatch(database);
        long sizeBefore = Files.size(database);

        checkpoint("PASSIVE");
        assertThat(watch.changed()).as("after a passive checkpoint").isFalse();
        checkpoint("TRUNCATE");
        assertThat(watch.changed()).as("after the WAL was emptied").isFalse();
        other.close(); // the last connection: it checkpoints and deletes the WAL

        assertThat(Files.size(database)).as("the checkpoints rewrote the database file").isNotEqualTo(sizeBefore);
        assertThat(watch.changed()).as("after the last close").isFalse();
    }

    @Test
    void aCommitCheckpointedAwayAtOnceIsSeen() throws Exception {
        SqliteChangeWatch watch = new SqliteChangeWatch(database);

        update(7);
        checkpoint("TRUNCATE");

        assertThat(watch.changed()).isTrue();
    }

    @Test
    void aCommitIsSeenWhenTheWalHeldNoneAtTheStartAndTheFileKeptItsSize() throws Exception {
        checkpoint("TRUNCATE");
        long sizeBefore = Files.size(database);
        SqliteChangeWatch watch = new SqliteChangeWatch(database);

        update(7);
        assertThat(watch.changed()).as("in the WAL").isTrue();
        checkpoint("TRUNCATE");

        assertThat(Files.size(database)).isEqualTo(sizeBefore);
        assertThat(watch.changed()).as("checkpointed into the database file").isTrue();
    }

    @Test
    void aCommitAfterTheWalStartedOverIsSeen() throws Exception {
        checkpoint("RESTART");
        SqliteChangeWatch watch = new SqliteChangeWatch(database);

        update(7); // written from the WAL's start again, under new salts
        assertThat(watch.changed()).isTrue();
        long framesInTheFile = (Files.size(wal()) - 32) / (24 + 4096);
        long lastCommitFrame = Long.parseLong(SqliteFingerprint.lastCommit(database).replaceAll(".* frame ", ""));
        assertThat(lastCommitFrame).as("the commit found among the frames of before, which follow it").isPositive().isLessThan(framesInTheFile);
    }

    @Test
    void aCommitInRollbackJournalModeIsSeen() throws Exception {
        execute("PRAGMA journal_mode=DELETE");
        SqliteChangeWatch watch = new SqliteChangeWatch(database);
        assertThat(watch.changed()).isFalse();

        update(7);

        assertThat(watch.changed()).isTrue();
    }

    private void update(int key) throws SQLException {
        execute("UPDATE t SET v = 'other ' || k WHERE k = " + key);
    }
}
