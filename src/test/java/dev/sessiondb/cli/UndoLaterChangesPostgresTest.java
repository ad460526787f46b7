package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.catalog.LaterChanges;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.PgCredentials;
import dev.sessiondb.store.sql.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link UndoLaterChangesTest} for a PostgreSQL target: its change mark is the server's counts of
 * rows written to the store's tables. Another client here is plain JDBC, as psql or Minsky would
 * write; it asks the server to publish its counts at once (pg_stat_force_next_flush), as a client
 * that has gone idle for a moment would have them published anyway.
 */
class UndoLaterChangesPostgresTest {

    private static final SessionRecord LATER = SampleSessions.minskyRecord(900, 9);

    @TempDir
    Path dir;

    @Test
    void withoutALaterWriteUndoRestoresWithoutAWord() {
        StoreLocator target = StoreContents.create(TestPostgres.get().freshSchema().toString(), SampleSessions.minskyList(3, 2));
        Backup jobs = migrateInto(target);

        assertThat(LaterChanges.look(journal(), jobs).verdict()).isEqualTo(LaterChanges.Verdict.NONE);
        assertThat(undo("--list", "--format", "json").out()).contains("\"laterChanges\": \"none\"");
        CliRun undo = undo();

        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(undo.err()).isEmpty();
        assertThat(keys(target)).hasSize(3);
    }

    /** A store the job created: undo empties it, and a later write into it is seen as well. */
    @Test
    void aWriteIntoAStoreTheJobCreatedStopsUndo() {
        StoreLocator target = TestPostgres.get().freshSchema();
        Backup jobs = migrateInto(target);
        assertThat(LaterChanges.look(journal(), jobs).verdict()).isEqualTo(LaterChanges.Verdict.NONE);

        writeAsAnotherClient(target, "DELETE FROM sessions");

        assertThat(LaterChanges.look(journal(), jobs).verdict()).isEqualTo(LaterChanges.Verdict.SINCE_JOB);
    }

    @ParameterizedTest
    @ValueSource(strings = {"INSERT", "UPDATE", "DELETE"})
    void aWriteByAnotherClientStopsUndoUntilForced(String write) {
        StoreLocator target = StoreContents.create(TestPostgres.get().freshSchema().toString(), SampleSessions.minskyList(3, 2));
        Backup jobs = migrateInto(target);
        SessionRecord kept = SampleSessions.minskyList(3, 2).get(0);
        writeAsAnotherClient(target, switch (write) {
            case "INSERT" -> "INSERT INTO sessions (session_key, record) VALUES ('" + LATER.key() + "', '" + LATER.compact().replace("'", "''") + "')";
            case "UPDATE" -> "UPDATE sessions SET record = record WHERE session_key = '" + kept.key() + "'";
            default -> "DELETE FROM sessions WHERE session_key = '" + kept.key() + "'";
        });

        CliRun refused = undo();

        assertThat(refused.exitCode()).isEqualTo(SessionDbCommand.BAD_INPUT);
        assertThat(refused.err()).contains(jobs.locator() + " changed after the migrate that took backup " + jobs.id())
                .contains("removes those later changes from the store; nothing was restored. To undo anyway: sessiondb undo " + jobs.id() + " --force");
        assertThat(undo("--list", "--format", "json").out()).contains("\"laterChanges\": \"since-job\"");

        CliRun forced = undo("--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(keys(target)).hasSize(3).contains(kept.key()).doesNotContain(LATER.key());
    }

    /** The server is gone when undo looks: it says why it could not check, naming the server, and restores nothing. */
    @Test
    void aServerThatCannotBeReachedIsNamedAsWhyUndoCouldNotCheck() throws Exception {
        Backup jobs;
        String server;
        try (EmbeddedPostgres own = EmbeddedPostgres.builder().start()) {
            server = "localhost:" + own.getPort();
            StoreLocator target = StoreContents.create("postgresql://postgres@" + server + "/postgres?schema=gone", SampleSessions.minskyList(3, 2));
            jobs = migrateInto(target);
            assertThat(LaterChanges.look(journal(), jobs).verdict()).isEqualTo(LaterChanges.Verdict.NONE);
        }

        LaterChanges later = LaterChanges.look(journal(), jobs);
        CliRun undo = undo();

        assertThat(later.verdict()).isEqualTo(LaterChanges.Verdict.UNCHECKED);
        assertThat(later.details()).contains("could not be checked: ").contains("cannot reach PostgreSQL at " + server);
        assertThat(undo("--list", "--format", "json").out()).contains("\"laterChanges\": \"unchecked\"");
        assertThat(undo.exitCode()).isNotZero();
        assertThat(undo.err().lines()).singleElement().asString().contains("cannot reach PostgreSQL at " + server)
                .doesNotContain("could not be checked").doesNotContain("Exception", "\tat ");
        assertThat(journal().require(jobs.id()).restoredAt()).isEmpty();
    }

    private Backup migrateInto(StoreLocator target) {
        return new UndoDesk(dir).migrateInto(target, SampleSessions.minskyList(7, 1));
    }

    private CliRun undo(String... args) {
        return new UndoDesk(dir).undo(args);
    }

    private BackupJournal journal() {
        return new UndoDesk(dir).journal();
    }

    /** Committed on a plain connection of its own, whose counts the server publishes before the next statement returns. */
    private static void writeAsAnotherClient(StoreLocator store, String sql) {
        PgCredentials credentials = PgCredentials.resolve(store);
        try (Connection connection = DriverManager.getConnection(credentials.jdbcUrl(), credentials.user(), credentials.password());
             Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + store.param("schema").orElseThrow());
            assertThat(statement.executeUpdate(sql)).isPositive();
            statement.execute("SELECT pg_stat_force_next_flush()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> keys(StoreLocator store) {
        return StoreContents.records(store).stream().map(SessionRecord::key).toList();
    }
}
