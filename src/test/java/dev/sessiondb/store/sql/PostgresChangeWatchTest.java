package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.ChangeWatch;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The window's watch of a PostgreSQL store ({@link PostgresChangeWatch}): the server's write counters, no count of the rows.
 * Another client's insert, update (the count stays) and deletion are each seen once its session publishes its counters: a
 * client that disconnects does at once; one that stays connected (Minsky) may wait until it has idled ten seconds, which the
 * test waits for, bounded, never timing it.
 */
class PostgresChangeWatchTest {

    private static final long LONGEST_WAIT_NANOS = 60_000_000_000L;

    @Test
    void anInsertAnUpdateAndADeletionByAnotherClientAreEachSeen() throws Exception {
        StoreLocator locator = TestPostgres.get().freshSchema();
        List<SessionRecord> records = SampleSessions.minskyList(4, 53);
        String table = locator.param("schema").orElseThrow() + ".sessions";
        try (SessionStore app = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING);
             Connection minsky = TestPostgres.get().adminConnection();
             Statement writes = minsky.createStatement()) {
            app.write(WriteBatch.upsert(records.iterator(), records.size()), ProgressMonitor.NONE);
            ChangeWatch watch = app.watchChanges();
            assertThat(watch).as("a look at the counters, not a count").isInstanceOf(PostgresChangeWatch.class);
            app.page(SessionQuery.all());
            app.count();
            assertThat(watch.changed()).as("reads are no change").isFalse();

            TestPostgres.get().execute("INSERT INTO " + table + " (session_key, record) VALUES ('outside', '{\"session\":\"outside\"}')");
            awaitChange(watch);

            watch = app.watchChanges();
            writes.execute("UPDATE " + table + " SET record = record WHERE session_key = '" + records.get(0).key() + "'");
            awaitChange(watch);
            assertThat(app.count()).as("an update a count cannot see").isEqualTo(5);

            watch = app.watchChanges();
            TestPostgres.get().execute("DELETE FROM " + table + " WHERE session_key = 'outside'");
            awaitChange(watch);
        }
    }

    private static void awaitChange(ChangeWatch watch) throws InterruptedException {
        long deadline = System.nanoTime() + LONGEST_WAIT_NANOS;
        while (!watch.changed()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the watch never saw another client's write");
            }
            Thread.sleep(100);
        }
    }
}
