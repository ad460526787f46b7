package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.Fixtures;
import dev.sessiondb.JavaProcess;
import dev.sessiondb.cli.CliRun;
import dev.sessiondb.cli.MigratesInTurns;
import dev.sessiondb.faults.SqliteWriteLock;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged, locked or empty SQLite file is told for what it is, with what to do; reading a store's files never drops SQLite's locks. */
class SqliteFileFaultsTest {

    @TempDir
    Path dir;

    @Test
    void aStoreWithHalfAPageLostOpensButItsQuickCheckReportsTheDamage() throws Exception {
        Path intact = DamagedSqliteFiles.store(dir.resolve("intact.db"), 2_000);
        Path damaged = Files.copy(intact, dir.resolve("halfpage.db"));
        DamagedSqliteFiles.zeroHalfOfALeafPage(damaged);

        try (SessionStore store = StoreFactory.open(StoreLocator.parse("sqlite:" + damaged), OpenMode.EXISTING)) {
            assertThat(store.count()).isPositive();
        }
        List<StoreFaults.Fault> damage = StoreProviders.of(StoreFormat.SQLITE).damage(StoreLocator.parse("sqlite:" + damaged));

        assertThat(damage).singleElement().satisfies(fault -> {
            assertThat(fault.what()).startsWith("the SQLite file is damaged (SQLite's quick_check: ");
            assertThat(fault.todo()).contains("sessiondb undo --list").contains("sqlite3 " + damaged + " .dump | sed");
        });
        assertThat(StoreProviders.of(StoreFormat.SQLITE).damage(StoreLocator.parse("sqlite:" + intact))).isEmpty();
    }

    @Test
    void aFileCutByWholePagesIsDamagedSaidOnceWithWhatToDo() throws Exception {
        Path file = DamagedSqliteFiles.store(dir.resolve("trunc.db"), 2_000);
        DamagedSqliteFiles.cutPages(file, (int) (Files.size(file) / 2 / 4096));
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> StoreFactory.open(StoreLocator.parse("sqlite:" + file), OpenMode.EXISTING))
                .isInstanceOf(StoreException.class)
                .hasMessage("sqlite:" + file + ": the SQLite file is damaged; restore it from a backup (sessiondb undo --list lists them),"
                        + " or recover what it still holds into a new file with sqlite3 " + file + " .dump | sed 's/^ROLLBACK; -- due to errors$/COMMIT;/'"
                        + " | sqlite3 recovered.db, then copy the sessions out of recovered.db");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aRollbackJournalFileLockedByAnotherProgramSaysSoAndToRunTheCommandAgain() throws Exception {
        Path file = minskyStore(dir.resolve("lockm.db"));
        Process holder = JavaProcess.of(SqliteWriteLock.class, file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("locked");

            assertThatThrownBy(() -> StoreFactory.open(StoreLocator.parse("sqlite:" + file), OpenMode.EXISTING))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("sqlite:" + file + ": the SQLite file is locked by another program (Minsky or another sessiondb is writing to it);"
                            + " let that program finish or close it, then run the same command again");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(1, TimeUnit.MINUTES)) {
                holder.destroyForcibly();
            }
        }
    }

    /** An audit's undo of a SQLite file another program held said it was locked, without saying which file. */
    @Test
    void anUndoOfASqliteFileLockedByAnotherProgramNamesTheFile() throws Exception {
        Path file = dir.resolve("locku.db");
        String journal = dir.resolve("journal").toString();
        MigratesInTurns.run(dir, "sqlite:" + file, journal, "new", "replace");
        Process holder = JavaProcess.of(SqliteWriteLock.class, file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("locked");

            CliRun undo = CliRun.of("undo", "--backup-dir", journal);

            assertThat(undo.exitCode()).isNotZero();
            assertThat(undo.err()).contains("sqlite:" + file).contains("is locked by another program");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(1, TimeUnit.MINUTES)) {
                holder.destroyForcibly();
            }
        }
    }

    @Test
    void anEmptyFileNamedAsADatabaseIsAnEmptyFileNotAJsonStoreNorAStore() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.db"));
        StoreLocator locator = StoreLocator.parse(file.toString());

        assertThat(locator.format()).isEqualTo(StoreFormat.SQLITE);
        assertThat(StoreProviders.of(locator).exists(locator)).isFalse();
        assertThatThrownBy(() -> StoreFactory.open(locator, OpenMode.EXISTING))
                .isInstanceOf(StoreException.class)
                .hasMessage("sqlite:" + file + ": the file is empty (0 bytes), not a SQLite store yet; a job writing into it makes it one"
                        + " (sessiondb migrate SOURCE sqlite:" + file + "), else check the path");
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void aJobWritingIntoAnEmptyDatabaseFileBuildsANewStoreThere() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        Path source = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun run = CliRun.of("migrate", "json:" + source, empty.toString(), "--backup-dir", dir.resolve("journal").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (SessionStore store = StoreFactory.open(StoreLocator.parse("sqlite:" + empty), OpenMode.EXISTING)) {
            assertThat(store.count()).isEqualTo(217);
        }
    }

    /**
     * Closing any descriptor of a file drops every POSIX lock the process holds on it: a store's
     * fingerprint and a locator's look at the file's first bytes must not, or another program
     * takes the file while a read here is under way (a sqlite3 deleted the WAL under a backup).
     */
    @Test
    void readingAnOpenStoresFilesKeepsSqliteLocksForAReadUnderWay() throws Exception {
        Path file = minskyStore(dir.resolve("minsky.db"));
        try (SessionStore store = StoreFactory.open(StoreLocator.parse("sqlite:" + file), OpenMode.EXISTING);
             Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = reader.createStatement()) {
            reader.setAutoCommit(false);
            try (ResultSet rows = statement.executeQuery("SELECT session FROM sessions")) {
                assertThat(rows.next()).isTrue();
                assertThat(lockProbe(file)).isEqualTo("busy");

                store.fingerprint();
                StoreLocator.parse(file.toString());

                assertThat(lockProbe(file)).isEqualTo("busy");
            }
            reader.rollback();
        }
        assertThat(lockProbe(file)).isEqualTo("taken");
    }

    private static String lockProbe(Path file) throws IOException, InterruptedException {
        Process probe = JavaProcess.of(SqliteLockProbe.class, file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String answer = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return answer;
    }

    /** A store in Minsky's layout: a rollback-journal file, whose readers hold a lock on the database file itself. */
    private static Path minskyStore(Path file) {
        try (SessionStore store = StoreFactory.open(StoreLocator.parse("sqlite:" + file + "?layout=minsky"), OpenMode.CREATE_IF_MISSING)) {
            for (SessionRecord record : SampleSessions.minskyList(20, 1)) {
                store.put(record);
            }
        }
        return file;
    }
}
