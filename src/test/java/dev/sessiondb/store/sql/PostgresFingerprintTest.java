package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFingerprint;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL fingerprint is a catalogue look (statistics counters, relation file and size), so
 * a change by a client that does not ask the server to publish its counters at once (Minsky, psql)
 * shows up once the server publishes them: the test waits for that state, bounded, never timing it.
 */
class PostgresFingerprintTest {

    private static final long LONGEST_WAIT_NANOS = 60_000_000_000L;

    @Test
    void anUpdateADeletionAndATruncateByAnotherClientEachChangeTheFingerprint() throws InterruptedException {
        StoreLocator locator = TestPostgres.get().freshSchema();
        List<SessionRecord> records = SampleSessions.minskyList(4, 31);
        try (SessionStore app = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            app.write(WriteBatch.upsert(records.iterator(), records.size()), ProgressMonitor.NONE);
            StoreFingerprint loaded = app.fingerprint();
            app.page(SessionQuery.all());
            assertThat(app.fingerprint()).as("reads change nothing").isEqualTo(loaded);

            String table = locator.param("schema").orElseThrow() + ".sessions";
            TestPostgres.get().execute("UPDATE " + table + " SET record = record WHERE session_key = '" + records.get(0).key() + "'");
            StoreFingerprint updated = changedFrom(app, loaded);
            assertThat(updated.count()).isEqualTo(4);

            TestPostgres.get().execute("DELETE FROM " + table + " WHERE session_key = '" + records.get(1).key() + "'");
            StoreFingerprint deleted = changedFrom(app, updated);
            assertThat(deleted.count()).isEqualTo(3);

            TestPostgres.get().execute("TRUNCATE " + table);
            assertThat(app.fingerprint()).isNotEqualTo(deleted).extracting(StoreFingerprint::count).isEqualTo(0L);
        }
    }

    @Test
    void ourOwnWriteIsSeenAtOnce() {
        StoreLocator locator = TestPostgres.get().freshSchema();
        List<SessionRecord> records = SampleSessions.minskyList(2, 37);
        try (SessionStore app = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING);
             SessionStore other = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            app.write(WriteBatch.upsert(records.iterator(), records.size()), ProgressMonitor.NONE);
            StoreFingerprint loaded = app.fingerprint();

            other.put(records.get(0).with("branch", "changed"));

            assertThat(app.fingerprint()).isNotEqualTo(loaded);
        }
    }

    private static StoreFingerprint changedFrom(SessionStore store, StoreFingerprint before) throws InterruptedException {
        long deadline = System.nanoTime() + LONGEST_WAIT_NANOS;
        StoreFingerprint now = store.fingerprint();
        while (now.equals(before)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the fingerprint never changed after another client's write: " + now);
            }
            Thread.sleep(100);
            now = store.fingerprint();
        }
        return now;
    }
}
