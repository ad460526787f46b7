package dev.sessiondb.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit's migrate into a new PostgreSQL store lost its server mid-write: the empty tables made for the store stayed,
 * while the message said the target was not changed. The staged store's close now names them and the statement that
 * removes them, which a user runs once the server is back.
 */
class StagedPostgresLeftoversTest {

    private static final String ADVICE = "remove them with ";

    @TempDir
    Path folder;

    @Test
    void aNewStoreWhoseServerStoppedBeforeItsEmptyTablesCouldGoNamesThemAndTheStatementThatRemovesThem() throws Exception {
        try (RestartablePostgres server = RestartablePostgres.create(folder)) {
            StoreLocator locator = server.freshSchema();
            String schema = locator.param("schema").orElseThrow();
            StagedStore staged = StoreProviders.of(locator).stage(locator);
            staged.store().write(WriteBatch.replaceAll(SampleSessions.minsky(20, 5), 20), ProgressMonitor.NONE);
            server.stop();

            Throwable failure = catchThrowable(staged::close);

            assertThat(failure).isInstanceOf(StoreLeftoversException.class);
            assertThat(StoreLeftoversException.in(new RuntimeException("the write failed", failure))).isPresent();
            String message = failure.getMessage();
            assertThat(message).startsWith(locator.display() + ": the target holds none of the records, but the empty tables the job made could not be taken away (")
                    .contains("\"" + schema + "\".\"sessions\"", "\"" + schema + "\".\"sessiondb_schema_history\"", " in the schema " + schema + " it made")
                    .endsWith(" before the next run, which would otherwise take them for a store that was there before");

            server.startAgain();
            String removal = message.substring(message.indexOf(ADVICE) + ADVICE.length(), message.indexOf(" before the next run"));
            try (Connection connection = server.adminConnection(); Statement statement = connection.createStatement()) {
                assertThat(rows(statement, "SELECT count(*) FROM \"" + schema + "\".sessions")).isZero();
                statement.execute(removal);
                assertThat(rows(statement, "SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'")).isZero();
            }
        }
    }

    private static long rows(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
