package dev.sessiondb.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fault is told in words a user can act on, without the Java classes it was wrapped in. */
class StoreFaultsTest {

    @Test
    void aDamagedSqliteFileDeepInTheCausesSaysSoAndWhatToDo() {
        RuntimeException failure = new RuntimeException("writing failed",
                new SQLException("[SQLITE_CORRUPT_VTAB] Content in the virtual table is corrupt (database disk image is malformed)"));

        assertThat(StoreFaults.describe(failure)).isEqualTo("the SQLite file is damaged; restore it from a backup (sessiondb undo --list lists"
                + " them), or recover what it still holds into a new file with sqlite3 DAMAGED.db .dump | sed 's/^ROLLBACK; -- due to errors$/COMMIT;/'"
                + " | sqlite3 recovered.db, then copy the sessions out of recovered.db");
    }

    /** An audit's undo said "the SQLite file is locked by another program" without naming the file: the store that met it names it. */
    @Test
    void aLockedSqliteFileNamedByItsStoreIsToldWithItsNameThoughTheWordsAroundItSayLockedToo() {
        SQLException busy = new SQLException("[SQLITE_BUSY] The database file is locked (database is locked)");
        IOException failure = new IOException("cannot restore sqlite:/x/a.db (database is locked)",
                new StoreFaultException("sqlite:/x/a.db", StoreFaults.lockedSqlite(""), busy));

        assertThat(StoreFaults.describe(failure)).isEqualTo("sqlite:/x/a.db: the SQLite file is locked by another program (Minsky or another"
                + " sessiondb is writing to it); let that program finish or close it, then run the same command again");
        assertThat(StoreFaults.isSqliteLocked(new RuntimeException("writing failed", busy))).isTrue();
    }

    /** An audit's repair with --backup-dir on a full disk blamed the store's own file, which a copy names first. */
    @Test
    void aFullDiskMetByACopyNamesTheFolderOfTheFileWrittenNotTheSource(@TempDir Path dir) {
        Path backups = dir.resolve("backups");
        RuntimeException failure = new UncheckedIOException(new FileSystemException("session-db.json",
                backups.resolve("run-1").resolve("data").toString(), "No space left on device"));

        // the run's own folder is gone again by the time the message is made: the nearest folder still there is named
        assertThat(StoreFaults.describe(failure)).isEqualTo("the disk is full at " + dir + "; free some space there, then run the same command again");
        assertThat(StoreFaults.isDiskFull(failure)).isTrue();
    }

    @Test
    void anUnknownFailureWrappedAsUncheckedIoIsItsOwnMessageWithoutClassNames() {
        UncheckedIOException failure = new UncheckedIOException(new IOException("cannot back up sqlite:a.db into /b (it went wrong)"));

        assertThat(StoreFaults.describe(failure)).isEqualTo("cannot back up sqlite:a.db into /b (it went wrong)");
    }

    @Test
    void anUncheckedWrapperWithWordsOfItsOwnIsToldByThem() {
        UncheckedIOException failure = new UncheckedIOException("cannot save settings to /s.json (boom); check the folder is writable",
                new IOException("boom"));

        assertThat(StoreFaults.describe(failure)).isEqualTo("cannot save settings to /s.json (boom); check the folder is writable");
    }

    /** A server turning a connection away as it starts (08004: a password asked for, none given) has not lost one: the store's own words say why. */
    @Test
    void aConnectionTurnedAwayAtTheStartIsNoLostConnection() {
        SQLException rejected = new SQLException("The server requested SCRAM-based authentication, but no password was provided.", "08004");

        assertThat(StoreFaults.of(new StoreException("postgresql://u@h/db: asks for a password", rejected))).isEmpty();
        assertThat(StoreFaults.of(new SQLException("An I/O error occurred while sending to the backend.", "08006"))).isPresent();
    }

    /** The window shows this line as it is (a wizard's report, the jobs panel): a message quoting a typed URL keeps no password. */
    @Test
    void aFailureQuotingAUrlIsToldWithItsPasswordMasked() {
        assertThat(StoreFaults.describe(new StoreException("postgresql://u:hunter2long@db/x: broken"))).isEqualTo("postgresql://u:****@db/x: broken");
    }
}
