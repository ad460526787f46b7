package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL source's write mark against another session: its committed update in place (the count unchanged) moves the
 * mark; its write still in progress, a write to another store on the same server, and no write at all leave it as it was.
 */
class PostgresRowVersionsTest {

    @Test
    void onlyACommittedWriteToTheStoresOwnTablesMovesTheMark() throws Exception {
        StoreLocator locator = filled(TestPostgres.get().freshSchema());
        StoreLocator elsewhere = filled(TestPostgres.get().freshSchema());
        PgCredentials credentials = PgCredentials.resolve(locator, System.getenv(), Path.of(System.getProperty("user.home")));
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING);
             Connection other = DriverManager.getConnection(credentials.jdbcUrl(), credentials.user(), credentials.password());
             Statement statement = other.createStatement()) {
            String before = store.writeMark().orElseThrow();
            assertThat(store.writeMark()).as("nothing written").contains(before);

            TestPostgres.get().execute(elsewhere, updateOne(elsewhere));
            assertThat(store.writeMark()).as("another store on the server written").contains(before);

            other.setAutoCommit(false);
            statement.execute(updateOne(locator));
            assertThat(store.writeMark()).as("an update not committed yet").contains(before);

            other.commit();
            assertThat(store.writeMark().orElseThrow()).isNotEqualTo(before);
        }
    }

    private static String updateOne(StoreLocator store) {
        String table = store.param("schema").orElseThrow() + ".sessions";
        return "UPDATE " + table + " SET status = 'updated in place' WHERE session_key = (SELECT min(session_key) FROM " + table + ")";
    }

    private static StoreLocator filled(StoreLocator locator) {
        List<SessionRecord> records = SampleSessions.minskyList(20, 7);
        try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.upsert(records.iterator(), records.size()), ProgressMonitor.NONE);
        }
        return locator;
    }
}
