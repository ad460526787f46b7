package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.DamagedRecordException;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A native store one of whose rows holds record text that is no longer JSON: a page, a listing, lists its stand-in
 * in its place; a cursor or a lookup, as a job reads, stops at it; the store's view for listings and validation
 * ({@link SessionStore#markingUnreadable}) gives the stand-in from its cursor and lookup too. SQLite and PostgreSQL.
 */
class DamagedRecordReadsTest {

    private static final int SESSIONS = 6;
    private static final String DAMAGED_KEY = String.format("task-md#%06d", 2);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aPageListsTheStandInWhereACursorOrLookupStops(String format) throws SQLException {
        try (SessionStore store = storeWithOneDamagedRecord(format)) {
            List<SessionRecord> page = store.page(SessionQuery.all().page(0, 10)).records();
            List<SessionRecord> sortedPage = store.pageRecords(new SessionQuery("", List.of(), SortKey.REPO_NAME, false, null, 0, 10));

            assertThat(page).hasSize(SESSIONS);
            for (List<SessionRecord> listed : List.of(page, sortedPage)) {
                SessionRecord standIn = listed.stream().filter(record -> record.damage().isPresent()).findFirst().orElseThrow();
                assertThat(standIn.key()).isEqualTo(DAMAGED_KEY);
                assertThat(standIn.damage().orElseThrow().what()).startsWith("session '" + DAMAGED_KEY + "' holds a damaged record (").doesNotContain("ghp_");
                assertThat(standIn.damage().orElseThrow().todo()).contains("DELETE FROM sessions WHERE session_key = '" + DAMAGED_KEY + "'");
            }
            assertThatThrownBy(() -> keysOf(store.cursor())).isInstanceOf(DamagedRecordException.class).hasMessageContaining(DAMAGED_KEY);
            assertThatThrownBy(() -> store.get(DAMAGED_KEY)).isInstanceOf(DamagedRecordException.class);

            SessionStore marking = store.markingUnreadable();
            assertThat(keysOf(marking.cursor())).hasSize(SESSIONS).contains(DAMAGED_KEY);
            assertThat(marking.get(DAMAGED_KEY).orElseThrow().damage()).isPresent();
            assertThat(marking.get(String.format("task-md#%06d", 3)).orElseThrow().damage()).isEmpty();
        }
    }

    private static List<String> keysOf(RecordCursor cursor) {
        List<String> keys = new ArrayList<>();
        try (cursor) {
            cursor.forEachRemaining(record -> keys.add(record.key()));
        }
        return keys;
    }

    private SessionStore storeWithOneDamagedRecord(String format) throws SQLException {
        StoreLocator locator = format.equals("sqlite") ? StoreLocator.of(StoreFormat.SQLITE, dir.resolve("s.db")) : TestPostgres.get().freshSchema();
        SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING);
        store.write(WriteBatch.replaceAll(SampleSessions.minsky(SESSIONS, 3), SESSIONS), ProgressMonitor.NONE);
        String table = format.equals("sqlite") ? "sessions" : locator.param("schema").orElseThrow() + ".sessions";
        String damage = "UPDATE " + table + " SET record = '{\"session\": \"" + DAMAGED_KEY + "\", \"token\": \"ghp_' WHERE session_key = '" + DAMAGED_KEY + "'";
        if (format.equals("sqlite")) {
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + locator.path()); Statement statement = connection.createStatement()) {
                statement.executeUpdate(damage);
            }
        } else {
            TestPostgres.get().execute(damage);
        }
        return store;
    }
}
