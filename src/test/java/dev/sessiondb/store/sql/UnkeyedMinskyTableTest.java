package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RepeatedSessionsException;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Minsky {@code sessions} table made without a PRIMARY KEY on session, which Minsky reads as well as its own: writes
 * update a row by its key or insert it, and a key that repeats stops the store from opening, naming both rows.
 */
class UnkeyedMinskyTableTest {

    private static final String UNKEYED = "CREATE TABLE sessions (session text, repoName text NOT NULL, repoUrl text, createdAt text NOT NULL,"
            + " taskId text, branch text, repoPath text, prBranch text, prApproved text, backendType text, pullRequest text)";

    @TempDir
    Path dir;

    private static SessionRecord session(String key, String taskId) {
        ObjectNode fields = JsonCodec.MAPPER.createObjectNode().put("session", key).put("repoName", "local/minsky").put("repoUrl", ".")
                .put("createdAt", "2025-05-16T22:16:33.321Z").put("taskId", taskId);
        return SessionRecord.of(fields);
    }

    private static void insert(StoreLocator sqlite, String key, String taskId) throws SQLException {
        ForeignSqliteFiles.execute(sqlite.path(), "INSERT INTO sessions (session, repoName, repoUrl, createdAt, taskId) VALUES ('" + key
                + "', 'local/minsky', '.', '2025-05-16T22:16:33.321Z', '" + taskId + "')");
    }

    private StoreLocator unkeyedSqlite() throws SQLException {
        Path file = dir.resolve("sessions.db");
        ForeignSqliteFiles.execute(file, UNKEYED);
        return StoreLocator.parse("sqlite:" + file);
    }

    private static List<String> rows(Connection connection, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = connection.createStatement().executeQuery("SELECT session, taskId FROM " + table + " ORDER BY session")) {
            while (result.next()) {
                rows.add(result.getString(1) + "=" + result.getString(2));
            }
        }
        return rows;
    }

    @Test
    void sqliteWritesUpdateTheRowOfAKeyAndInsertANewOne() throws SQLException {
        StoreLocator sqlite = unkeyedSqlite();
        insert(sqlite, "task#001", "001");
        try (SessionStore store = StoreFactory.open(sqlite, OpenMode.EXISTING)) {
            store.write(WriteBatch.upsert(List.of(session("task#001", "#001"), session("task#002", "#002")).iterator(), 2), ProgressMonitor.NONE);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + sqlite.path())) {
            assertThat(rows(connection, "sessions")).containsExactly("task#001=#001", "task#002=#002");
        }
    }

    @Test
    void aSqliteKeyThatRepeatsIsRefusedNamingBothRowsAndWhatDiffers() throws SQLException {
        StoreLocator sqlite = unkeyedSqlite();
        insert(sqlite, "task#001", "001");
        insert(sqlite, "task#002", "002");
        insert(sqlite, "task#002", "#002");
        insert(sqlite, "task#003", "003");
        insert(sqlite, "task#003", "003");

        assertThatThrownBy(() -> StoreFactory.open(sqlite, OpenMode.EXISTING)).isInstanceOfSatisfying(RepeatedSessionsException.class, repeated -> {
            assertThat(repeated.repeats()).extracting(RepeatedSessionsException.Repeat::describe).containsExactly(
                    "session 'task#002' appears twice, in the row with rowid 2 and in the row with rowid 3, the two records differing in taskId",
                    "session 'task#003' appears twice, in the row with rowid 4 and in the row with rowid 5, the two records identical");
            assertThat(repeated.byHand()).hasValueSatisfying(byHand -> assertThat(byHand).contains("DELETE FROM sessions WHERE rowid = N"));
        });
    }

    @Test
    void aKeyedTableStillUpsertsWithItsConstraint() throws SQLException {
        Path file = dir.resolve("keyed.db");
        ForeignSqliteFiles.execute(file, UNKEYED.replace("session text,", "session text PRIMARY KEY,"));
        StoreLocator sqlite = StoreLocator.parse("sqlite:" + file);
        try (SessionStore store = StoreFactory.open(sqlite, OpenMode.EXISTING)) {
            store.put(session("task#001", "001"));
            store.put(session("task#001", "#001"));
            assertThat(store.count()).isEqualTo(1);
            assertThat(store.get("task#001").orElseThrow().field("taskId").orElseThrow().asText()).isEqualTo("#001");
        }
    }

    @Test
    void postgresWritesIntoAnUnkeyedTableAndRefusesARepeatedKey() throws SQLException {
        StoreLocator postgres = TestPostgres.get().freshSchema();
        String schema = postgres.param("schema").orElseThrow();
        TestPostgres.get().execute("CREATE SCHEMA " + schema);
        TestPostgres.get().execute(postgres, "SET search_path TO " + schema, "CREATE TABLE sessions (session text, repo_name varchar(255) NOT NULL,"
                + " repo_url varchar(1000) NOT NULL, created_at text NOT NULL, task_id text)",
                "INSERT INTO sessions VALUES ('task#001', 'local/minsky', '.', '2025-05-16T22:16:33.321Z', '001')");
        try (SessionStore store = StoreFactory.open(postgres, OpenMode.EXISTING)) {
            store.write(WriteBatch.upsert(List.of(session("task#001", "#001"), session("task#002", "#002")).iterator(), 2), ProgressMonitor.NONE);
        }
        try (Connection connection = TestPostgres.get().adminConnection()) {
            List<String> rows = new ArrayList<>();
            try (ResultSet result = connection.createStatement().executeQuery("SELECT session, task_id FROM " + schema + ".sessions ORDER BY session")) {
                while (result.next()) {
                    rows.add(result.getString(1) + "=" + result.getString(2));
                }
            }
            assertThat(rows).containsExactly("task#001=#001", "task#002=#002");
        }

        TestPostgres.get().execute(postgres, "SET search_path TO " + schema,
                "INSERT INTO sessions VALUES ('task#002', 'local/minsky', '.', '2025-05-16T22:16:33.321Z', '002')");
        assertThatThrownBy(() -> StoreFactory.open(postgres, OpenMode.EXISTING)).isInstanceOfSatisfying(RepeatedSessionsException.class,
                repeated -> assertThat(repeated.repeats()).singleElement().satisfies(repeat -> {
                    assertThat(repeat.session()).isEqualTo("task#002");
                    assertThat(repeat.second()).startsWith("the row with ctid (");
                    assertThat(repeat.differing()).containsExactly("task_id");
                }));
    }
}
