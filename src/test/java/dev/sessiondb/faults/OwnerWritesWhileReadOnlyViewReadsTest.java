package dev.sessiondb.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite store read through a folder read-only to the reader (another user's, whose owner still writes it) is read as
 * immutable, without locks, so the read the mark of a WAL-mode store pins holds nothing back: the owner's commit, then
 * its closing (a checkpoint, the WAL deleted), left the mark as it was, and a job reading the store as its source would
 * not have known the source changed under its read. The mark now follows what the file holds.
 */
class OwnerWritesWhileReadOnlyViewReadsTest {

    @TempDir
    Path dir;

    @Test
    void theOwnersCommitBetweenTwoMarksMovesTheMarkAndACheckpointAloneDoesNot() throws Exception {
        Path owned = Files.createDirectory(dir.resolve("owned"));
        Path database = owned.resolve("s.db");
        List<SessionRecord> records = SampleSessions.minskyList(20, 1);
        StoreContents.create("sqlite:" + database, records);
        ownerRuns(database, "PRAGMA journal_mode=WAL");

        try (ReadOnlyView view = ReadOnlyView.of(owned, dir.resolve("view"));
             SessionStore read = StoreFactory.open("sqlite:" + view.folder().resolve("s.db"), OpenMode.EXISTING)) {
            assertThat(read.info().notes()).anyMatch(note -> note.startsWith("read-only: its folder is read-only to you"));
            Optional<String> before = read.writeMark();

            ownerRuns(database, "PRAGMA wal_checkpoint(TRUNCATE)");
            assertThat(read.writeMark()).as("a checkpoint alone changes no record").isEqualTo(before);

            try (SessionStore owner = StoreFactory.open("sqlite:" + database, OpenMode.EXISTING)) {
                assertThat(owner.delete(records.get(0).key())).isTrue();
            }
            assertThat(Files.exists(Path.of(database + "-wal"))).as("the owner's closing checkpointed and deleted its WAL").isFalse();
            assertThat(read.writeMark()).isNotEqualTo(before);
        }
    }

    private static void ownerRuns(Path database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
