package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.catalog.Catalog;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite store in WAL mode that another program (Minsky) holds open while a job writes to it, and checkpoints after: the
 * checkpoint moves the job's commits from the WAL into the database file, which changes the files but no record, so undo
 * restores without asking for --force; a write by that program, checkpointed too, still stops undo until forced.
 */
class UndoAfterACheckpointTest {

    @TempDir
    Path dir;

    @Test
    void aCheckpointAfterTheJobIsNoLaterChange() throws Exception {
        StoreLocator target = StoreContents.create("sqlite:" + dir.resolve("target.db"), SampleSessions.minskyList(3, 2));
        try (Connection minsky = openedByMinsky(target)) {
            new UndoDesk(dir).migrateInto(target, SampleSessions.minskyList(7, 1));
            assertThat(Files.size(Path.of(target.path() + "-wal"))).as("the job's commits are in the WAL yet").isPositive();
            execute(minsky, "PRAGMA wal_checkpoint(TRUNCATE)");
        }

        assertThat(new UndoDesk(dir).undo("--list").out()).doesNotContain("changed after");
        CliRun undo = new UndoDesk(dir).undo();

        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(undo.err()).isEmpty();
        assertThat(StoreContents.records(target)).hasSize(3);
    }

    @Test
    void aWriteAfterTheJobCheckpointedAwayStillStopsUndo() throws Exception {
        StoreLocator target = StoreContents.create("sqlite:" + dir.resolve("target.db"), SampleSessions.minskyList(3, 2));
        Backup jobs;
        try (Connection minsky = openedByMinsky(target)) {
            jobs = new UndoDesk(dir).migrateInto(target, SampleSessions.minskyList(7, 1));
            execute(minsky, "UPDATE sessions SET record = replace(record, '1', '2') WHERE id = (SELECT min(id) FROM sessions)");
            execute(minsky, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
        List<SessionRecord> written = StoreContents.records(target);

        CliRun refused = new UndoDesk(dir).undo();

        assertThat(refused.exitCode()).isEqualTo(SessionDbCommand.BAD_INPUT);
        assertThat(refused.err()).contains(jobs.locator() + " changed after the migrate that took backup " + jobs.id());
        assertThat(StoreContents.records(target)).isEqualTo(written);
    }

    /** The version before marked a WAL-mode file by its size and time: a job it recorded, nothing written since, is undone without a word. */
    @Test
    void aJobTheVersionBeforeRecordedIsNoLaterChangeWhileTheFilesAreAsItLeftThem() throws Exception {
        StoreLocator target = StoreContents.create("sqlite:" + dir.resolve("target.db"), SampleSessions.minskyList(3, 2));
        new UndoDesk(dir).migrateInto(target, SampleSessions.minskyList(7, 1));
        try (Connection minsky = openedByMinsky(target)) {
            execute(minsky, "PRAGMA journal_mode=WAL"); // as Minsky keeps its store; it stays so after the last close
        }
        String markAsBefore = StoreProviders.of(target).changeMarkAsBefore(target).orElseThrow();
        assertThat(markAsBefore).startsWith("counter ").contains(", file ");
        try (Connection catalog = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal").resolve(Catalog.FILE_NAME));
             PreparedStatement recorded = catalog.prepareStatement("UPDATE job_run SET target_mark_after = ? WHERE target_mark_after IS NOT NULL")) {
            recorded.setString(1, markAsBefore);
            assertThat(recorded.executeUpdate()).isPositive();
        }

        CliRun undo = new UndoDesk(dir).undo();

        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(undo.err()).isEmpty();
        assertThat(StoreContents.records(target)).hasSize(3);
    }

    private static Connection openedByMinsky(StoreLocator store) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + store.path());
        execute(connection, "PRAGMA wal_autocheckpoint=0");
        execute(connection, "SELECT count(*) FROM sqlite_master"); // a read opens the WAL: it is Minsky's from now on too
        return connection;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
