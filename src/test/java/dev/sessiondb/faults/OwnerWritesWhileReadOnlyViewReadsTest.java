package dev.sessiondb.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.ChangeWatch;
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
import org.junit.jupiter.api.BeforeEach;
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

    private final List<SessionRecord> records = SampleSessions.minskyList(20, 1);
    /** The owner's store, in WAL mode as the owner's program leaves it. */
    private Path database;

    @BeforeEach
    void ownersStore() throws Exception {
        database = Files.createDirectory(dir.resolve("owned")).resolve("s.db");
        StoreContents.create("sqlite:" + database, records);
        ownerRuns(database, "PRAGMA journal_mode=WAL");
    }

    @Test
    void theOwnersCommitBetweenTwoMarksMovesTheMarkAndACheckpointAloneDoesNot() throws Exception {
        try (ReadOnlyView view = ReadOnlyView.of(database.getParent(), dir.resolve("view")); SessionStore read = readThrough(view)) {
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

    /**
     * The window's reload of such a store read through the same pool, whose connections, reading the file as immutable, kept
     * the pages they had cached: the owner's deletion and change were said, and the reload showed the rows as they were.
     */
    @Test
    void afterTheWatchSeesTheOwnersChangeReadsShowWhatTheFileHoldsNow() throws Exception {
        String deleted = records.get(0).key();
        SessionRecord changed = records.get(1).with("branch", "changed-by-owner");

        try (ReadOnlyView view = ReadOnlyView.of(database.getParent(), dir.resolve("view")); SessionStore read = readThrough(view)) {
            assertThat(read.count()).isEqualTo(20);
            assertThat(read.get(deleted)).isPresent();
            assertThat(read.get(changed.key()).flatMap(SessionRecord::branch)).isNotEqualTo(Optional.of("changed-by-owner"));
            ChangeWatch watch = read.watchChanges();

            try (SessionStore owner = StoreFactory.open("sqlite:" + database, OpenMode.EXISTING)) {
                assertThat(owner.delete(deleted)).isTrue();
                owner.put(changed);
            }
            assertThat(Files.exists(Path.of(database + "-wal"))).as("the owner's closing checkpointed and deleted its WAL").isFalse();

            assertThat(watch.changed()).isTrue();
            assertThat(read.count()).isEqualTo(19);
            assertThat(read.get(deleted)).isEmpty();
            assertThat(read.get(changed.key()).flatMap(SessionRecord::branch)).contains("changed-by-owner");
        }
    }

    /**
     * While the owner's program runs, its commits stay in the WAL, which a file read as immutable does not read: the reload
     * the watch offers shows the file as it was. The owner's closing copies them into the file, which the next watch saw as
     * no change (the same commits), so the rows stayed as they were; it is a change to what this store reads.
     */
    @Test
    void commitsReadOnlyOnceTheOwnerClosesAreSeenByTheWatchBegunAtTheReloadBefore() throws Exception {
        try (ReadOnlyView view = ReadOnlyView.of(database.getParent(), dir.resolve("view")); SessionStore read = readThrough(view)) {
            assertThat(read.count()).isEqualTo(20);
            ChangeWatch watch = read.watchChanges();
            ChangeWatch afterReload;
            try (SessionStore owner = StoreFactory.open("sqlite:" + database, OpenMode.EXISTING)) {
                assertThat(owner.delete(records.get(0).key())).isTrue();
                assertThat(watch.changed()).as("the owner's commit, in its WAL").isTrue();
                afterReload = read.watchChanges();
                assertThat(read.count()).as("the reload reads the file, without the commit still in the WAL").isEqualTo(20);
            }
            assertThat(Files.exists(Path.of(database + "-wal"))).as("the owner's closing checkpointed and deleted its WAL").isFalse();

            assertThat(afterReload.changed()).isTrue();
            assertThat(read.count()).isEqualTo(19);
        }
    }

    /**
     * A reload pressed before any watch looked again (the window looks every few seconds): the reads went to connections that
     * kept the pages they had cached, and the watch begun at that reload took the changed file as its start, so the rows stayed
     * as they were until the store was opened again. Each read now looks at the files first.
     */
    @Test
    void aReadRightAfterTheOwnersChangeReachesTheFileShowsItWithNoWatchAsked() throws Exception {
        try (ReadOnlyView view = ReadOnlyView.of(database.getParent(), dir.resolve("view")); SessionStore read = readThrough(view)) {
            assertThat(read.count()).isEqualTo(20);
            assertThat(read.get(records.get(0).key())).isPresent();

            try (SessionStore owner = StoreFactory.open("sqlite:" + database, OpenMode.EXISTING)) {
                assertThat(owner.delete(records.get(0).key())).isTrue();
            }

            assertThat(read.count()).isEqualTo(19);
            assertThat(read.get(records.get(0).key())).isEmpty();
        }
    }

    private static SessionStore readThrough(ReadOnlyView view) {
        return StoreFactory.open("sqlite:" + view.folder().resolve("s.db"), OpenMode.EXISTING);
    }

    private static void ownerRuns(Path database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
