package dev.sessiondb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.JavaProcess;
import dev.sessiondb.store.sql.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One writer per store across processes: while another process holds a store's writer lock a second writer is refused
 * at once, naming the store and the holder; a holder killed with SIGKILL leaves nothing that blocks the next writer
 * (a file store's lock file stays, and is told stale by its lock, which died with the process).
 */
class StoreWriterLockTest {

    private static final String HOLDER = "run 20261206T101536.510Z-migrate-e455 (migrate, process 4242)";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "json", "jsondir", "postgresql"})
    void aSecondWriterIsRefusedWhileAnotherProcessHoldsTheStoreAndAKilledHolderBlocksNothing(String kind) throws Exception {
        StoreLocator store = storeOf(kind);
        String locator = store.localPath().isPresent() ? kind + ":" + store.path() : store.target() + "?schema=" + store.param("schema").orElseThrow();
        Process holder = HoldWriterLock.started(locator, HOLDER);
        try {
            assertThatThrownBy(() -> StoreProviders.of(store).holdWriter(store, "run second"))
                    .isInstanceOf(StoreBusyException.class)
                    .hasMessage(store.display() + " is being written by " + HOLDER
                            + "; nothing was changed; wait for that run to end (or stop it), then run the command again");
        } finally {
            HoldWriterLock.kill(holder);
        }

        try (StoreWriterLock next = StoreProviders.of(store).holdWriter(store, "run next")) {
            assertThat(next).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aSecondWriterInTheSameProcessIsRefusedUntilTheFirstLetsGo(String kind) {
        StoreLocator store = storeOf(kind);
        try (StoreWriterLock first = StoreProviders.of(store).holdWriter(store, HOLDER)) {
            assertThatThrownBy(() -> StoreProviders.of(store).holdWriter(store, "run second"))
                    .isInstanceOf(StoreBusyException.class)
                    .hasMessageContaining(store.display() + " is being written by " + HOLDER);
        }
        StoreProviders.of(store).holdWriter(store, "run next").close();
    }

    /**
     * A run that let go is followed at once, as an undo follows the job it undoes: PostgreSQL's lock went with the holder's
     * session, which the server ends a moment after the client closes it, and the next writer, quick enough, was refused by
     * the run that had ended ("… is being written by run … (process N)", N this process).
     */
    @Test
    void aPostgresWriterThatLetGoHoldsNothingOnceItsCloseReturns() throws Exception {
        StoreLocator store = storeOf("postgresql");
        try (Connection watching = TestPostgres.get().adminConnection();
             PreparedStatement held = watching.prepareStatement("select count(*) from pg_locks where locktype = 'advisory' and granted"
                     + " and pid <> pg_backend_pid() and database = (select oid from pg_database where datname = current_database())")) {
            int stillHeld = 0;
            for (int run = 0; run < 100; run++) {
                StoreProviders.of(store).holdWriter(store, "run " + run).close();
                try (ResultSet locks = held.executeQuery()) {
                    locks.next();
                    stillHeld += locks.getInt(1);
                }
            }
            assertThat(stillHeld).as("locks seen held right after their holder's close returned, of 100").isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json"})
    void aLockFileLeftBehindByAKilledHolderIsStaleWhateverItSays(String kind) throws Exception {
        StoreLocator store = storeOf(kind);
        Files.writeString(StoreWriterLock.fileOf(store.path()), HOLDER);

        try (StoreWriterLock taken = StoreProviders.of(store).holdWriter(store, "run next")) {
            assertThat(Files.readString(StoreWriterLock.fileOf(store.path()))).isEqualTo("run next");
        }
        assertThat(StoreWriterLock.fileOf(store.path())).as("an ended holder leaves no file beside the store").doesNotExist();
    }

    /**
     * A store reached through a linked folder or a link to its file is the same store: its writers share one lock. Before,
     * a link to the file had a lock file of its own name (two writers at once), and a linked folder was refused in this
     * process only after opening the lock file, whose closing dropped the first holder's lock for every other process.
     */
    @Test
    void aStoreReachedThroughALinkHasTheLockOfTheStoreLinkedTo() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path store = Files.writeString(real.resolve("session-db.json"), "[]");
        Path throughFolder = Files.createSymbolicLink(dir.resolve("linked"), real).resolve("session-db.json");
        Path throughFile = Files.createSymbolicLink(dir.resolve("alias.json"), store);
        assertThat(StoreWriterLock.fileOf(throughFolder)).isEqualTo(StoreWriterLock.fileOf(store));
        assertThat(StoreWriterLock.fileOf(throughFile)).isEqualTo(StoreWriterLock.fileOf(store));

        try (StoreWriterLock first = StoreWriterLock.holdFile(store, "json:" + store, HOLDER)) {
            for (Path link : List.of(throughFolder, throughFile)) {
                assertThatThrownBy(() -> StoreWriterLock.holdFile(link, "json:" + link, "run second"))
                        .isInstanceOf(StoreBusyException.class).hasMessageContaining("is being written by " + HOLDER);
            }
            Process other = JavaProcess.of(HoldWriterLock.class, "json:" + throughFolder, "run third").redirectErrorStream(true).start();
            try {
                String said = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8)).readLine();
                assertThat(said).as("another process, after this one's refusals").contains("is being written by " + HOLDER);
            } finally {
                HoldWriterLock.kill(other);
            }
        }
    }

    /**
     * Two hard links are one file: its writers share a lock whichever name they use, in this process and another (before,
     * each name had a lock file of its own, so two writers could write one file at once).
     */
    @Test
    void aStoreAndItsHardLinkShareOneLock() throws Exception {
        Path store = Files.writeString(dir.resolve("session-db.json"), "[]");
        Path link = Files.createLink(dir.resolve("same-file.json"), store);

        try (StoreWriterLock first = StoreWriterLock.holdFile(store, "json:" + store, HOLDER)) {
            assertThatThrownBy(() -> StoreWriterLock.holdFile(link, "json:" + link, "run second"))
                    .isInstanceOf(StoreBusyException.class).hasMessageStartingWith("json:" + link + " is being written by " + HOLDER);
            assertThat(StoreWriterLock.fileOf(link)).as("a run refused leaves no lock file of its own name").doesNotExist();
        }
        Process other = HoldWriterLock.started("json:" + store, HOLDER);
        try {
            assertThatThrownBy(() -> StoreWriterLock.holdFile(link, "json:" + link, "run second"))
                    .isInstanceOf(StoreBusyException.class).hasMessageStartingWith("json:" + link + " is being written by " + HOLDER);
            assertThat(StoreWriterLock.holderOfFile(link)).contains(HOLDER);
        } finally {
            HoldWriterLock.kill(other);
        }
        StoreWriterLock.holdFile(link, "json:" + link, "run next").close();
    }

    /** A JSON store written anew has a new inode after each write: its lock by name stays, so a second writer is still refused. */
    @Test
    void aStoreReplacedByARenameKeepsItsLock() throws Exception {
        Path store = Files.writeString(dir.resolve("session-db.json"), "[]");
        Process other = HoldWriterLock.started("json:" + store, HOLDER);
        try {
            Object before = Files.readAttributes(store, BasicFileAttributes.class).fileKey();
            Files.move(Files.writeString(dir.resolve("written.tmp"), "[]"), store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            assertThat(Files.readAttributes(store, BasicFileAttributes.class).fileKey()).as("a new inode").isNotEqualTo(before);

            assertThatThrownBy(() -> StoreWriterLock.holdFile(store, "json:" + store, "run second"))
                    .isInstanceOf(StoreBusyException.class).hasMessageStartingWith("json:" + store + " is being written by " + HOLDER);
        } finally {
            HoldWriterLock.kill(other);
        }
    }

    /**
     * A killed holder's lock files go with the next writer in their folder, whatever store they were for: a JSON store
     * written anew since has another inode, so nothing else would delete its device and inode lock (before, each killed
     * run left one more for good). A lock file another process holds stays, and its holder keeps the lock.
     */
    @Test
    void theNextWriterDeletesTheLockFilesKilledHoldersLeftInItsFolder() throws Exception {
        Path store = Files.writeString(dir.resolve("session-db.json"), "[]");
        Path other = Files.writeString(dir.resolve("other.json"), "[]"); // made first: the inode freed below is not its
        Path leftByName = StoreWriterLock.fileOf(store);
        Path leftByInode = StoreWriterLock.fileOfItself(store).orElseThrow();
        HoldWriterLock.kill(HoldWriterLock.started("json:" + store, "run killed"));
        Files.move(Files.writeString(dir.resolve("written.tmp"), "[]"), store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(StoreWriterLock.fileOfItself(store)).as("a new inode").isNotEqualTo(Optional.of(leftByInode));

        Process living = HoldWriterLock.started("json:" + other, HOLDER);
        try {
            StoreWriterLock.holdFile(store, "json:" + store, "run next").close();

            assertThat(leftByInode).as("the killed run's device and inode lock").doesNotExist();
            assertThat(leftByName).doesNotExist();
            assertThat(StoreWriterLock.fileOf(other)).as("the living holder's").exists();
            assertThat(StoreWriterLock.fileOfItself(other).orElseThrow()).exists();
            assertThatThrownBy(() -> StoreWriterLock.holdFile(other, "json:" + other, "run second"))
                    .isInstanceOf(StoreBusyException.class).hasMessageStartingWith("json:" + other + " is being written by " + HOLDER);
        } finally {
            HoldWriterLock.kill(living);
        }
    }

    /**
     * A store whose name is as long as a folder takes (243 bytes: 120 Cyrillic letters) has a lock of its own: before, its
     * lock file's name passed 255 bytes and every writer of it failed ("File name too long").
     */
    @Test
    void aStoreWithTheLongestNameAFolderTakesHasALockOfItsOwn() throws Exception {
        Path store = Files.writeString(dir.resolve("д".repeat(120) + ".json"), "[]");
        Path sibling = Files.writeString(dir.resolve("д".repeat(120) + ".jso"), "[]");

        try (StoreWriterLock first = StoreWriterLock.holdFile(store, "json:" + store, HOLDER)) {
            assertThat(StoreWriterLock.fileOf(store)).exists().isNotEqualTo(StoreWriterLock.fileOf(sibling));
            assertThat(StoreWriterLock.fileOf(store).getFileName().toString().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
            assertThatThrownBy(() -> StoreWriterLock.holdFile(store, "json:" + store, "run second"))
                    .isInstanceOf(StoreBusyException.class).hasMessageStartingWith("json:" + store + " is being written by " + HOLDER);
            StoreWriterLock.holdFile(sibling, "json:" + sibling, "run beside").close();
        }
        assertThat(StoreWriterLock.fileOf(store)).doesNotExist();
    }

    private StoreLocator storeOf(String kind) {
        return switch (kind) {
            case "sqlite" -> StoreLocator.parse("sqlite:" + dir.resolve("sessions.db"));
            case "json" -> StoreLocator.parse("json:" + dir.resolve("session-db.json"));
            case "jsondir" -> StoreLocator.parse("jsondir:" + dir.resolve("sessions"));
            default -> TestPostgres.get().freshSchema();
        };
    }

}
