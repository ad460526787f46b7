package dev.sessiondb.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sessiondb.cli.CliRun;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StagedStore;
import dev.sessiondb.store.StoreLeftoversException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit's migrate into a new PostgreSQL store lost its server mid-write: the empty tables made for the store stayed,
 * while the message said the target was not changed, and the next run took them for a store that was there before. The
 * staged store's close now names them and the statement that removes them; they carry the mark of an unfinished creation,
 * so the next run plans a new store, removes them as it makes it, and its undo leaves nothing.
 */
class StagedPostgresLeftoversTest {

    private static final String ADVICE = "remove them with ";

    @TempDir
    Path folder;

    private RestartablePostgres server;
    private StoreLocator locator;
    private String schema;
    /** What the staged store's close threw. */
    private Throwable leftoversFailure;

    /** Every test's start: a new store's write, its server stopped before the staged store's close, then the server back. */
    @BeforeEach
    void leaveTheTablesOfAnUnfinishedCreation() throws Exception {
        server = RestartablePostgres.create(folder);
        locator = server.freshSchema();
        schema = locator.param("schema").orElseThrow();
        StagedStore staged = StoreProviders.of(locator).stage(locator);
        staged.store().write(WriteBatch.replaceAll(SampleSessions.minsky(20, 5), 20), ProgressMonitor.NONE);
        server.stop();
        leftoversFailure = catchThrowable(staged::close);
        assertThat(leftoversFailure).isInstanceOf(StoreLeftoversException.class);
        server.startAgain();
    }

    @AfterEach
    void stopTheServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aNewStoreWhoseServerStoppedBeforeItsEmptyTablesCouldGoNamesThemAndTheStatementThatRemovesThem() throws Exception {
        assertThat(StoreLeftoversException.in(new RuntimeException("the write failed", leftoversFailure))).isPresent();
        String message = leftoversFailure.getMessage();
        assertThat(message).startsWith(locator.display() + ": the target holds none of the records, but the empty tables the job made could not be taken away (")
                .contains("\"" + schema + "\".\"sessions\"", "\"" + schema + "\".\"sessiondb_schema_history\"", " in the schema " + schema + " it made")
                .contains(" DROP SCHEMA \"" + schema + "\"; or leave them")
                .endsWith(" or leave them: they are marked as a job's unfinished creation, which the next job into this store removes itself");

        assertThat(count("SELECT count(*) FROM \"" + schema + "\".sessions")).isZero();
        try (Connection connection = server.adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute(message.substring(message.indexOf(ADVICE) + ADVICE.length(), message.indexOf(" or leave them")));
        }
        assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'")).isZero();
    }

    /**
     * The same leftovers, not removed by hand: the next migrate into the store plans it as a new one, saying it removes them,
     * makes it anew, and its undo then leaves no table (nor the schema the first job made) behind.
     */
    @Test
    void theNextMigrateTakesTheLeftoversForANewStoreRemovesThemAndItsUndoLeavesNoTable() throws Exception {
        Path source = folder.resolve("source.json");
        StoreContents.create("json:" + source, SampleSessions.minskyList(20, 5));
        String journal = folder.resolve("journal").toString();

        CliRun plan = CliRun.of("migrate", "json:" + source, locator.display(), "--dry-run", "--backup-dir", journal);
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("the target holds only the empty tables an earlier job made and never finished (", "\"" + schema + "\".\"sessions\"",
                ", in the schema it made): they are removed as the new store is made");
        CliRun run = CliRun.of("migrate", "json:" + source, locator.display(), "--backup-dir", journal);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(StoreContents.records(locator)).hasSize(20);
        assertThat(count("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '" + schema
                + "' AND obj_description(c.oid, 'pg_class') IS NOT NULL")).as("the finished store carries no mark").isZero();

        CliRun undo = CliRun.of("undo", "--backup-dir", journal);
        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'")).isZero();
    }

    /** A row written into such tables since makes them a store that may hold a user's data: it is taken for one, never removed. */
    @Test
    void leftoversSomeoneWroteARowIntoAreAStoreThatWasThere() throws Exception {
        try (Connection connection = server.adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO \"" + schema + "\".sessions (session_key, record) VALUES ('typed-by-hand', '{}')");
        }

        assertThat(StoreProviders.of(locator).exists(locator)).isTrue();
        assertThat(StoreProviders.of(locator).unfinishedCreation(locator)).isEmpty();
        assertThat(StoreProviders.of(locator).placeExists(locator)).isTrue();
    }

    private long count(String sql) throws Exception {
        try (Connection connection = server.adminConnection(); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
