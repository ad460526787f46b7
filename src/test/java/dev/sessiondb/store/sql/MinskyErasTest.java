package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreInfo;
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
 * Each Minsky era, built from Minsky's own schemas (fixtures/minsky-schemas), is named, read and
 * written with Minsky's column types, so what goes back is what Minsky itself would have stored.
 */
class MinskyErasTest {

    private static final String UUID_2026 = "3f2b8c1e-7d4a-4e2b-9c1f-5a6d7e8f9a0b";

    @TempDir
    Path dir;

    private static SessionRecord session2026(String key) {
        ObjectNode fields = JsonCodec.MAPPER.createObjectNode()
                .put("session", key).put("repoName", "edobry/minsky").put("repoUrl", "https://github.com/edobry/minsky.git")
                .put("createdAt", "2026-04-01T10:00:00.000Z").put("backendType", "github").put("status", "ACTIVE")
                .put("lastActivityAt", "2026-04-02T11:00:00.000Z").put("lastCommitHash", "0a1b2c").put("lastCommitMessage", "wip")
                .put("commitCount", 5).put("agentId", "claude-code");
        return SessionRecord.of(fields);
    }

    @Test
    void a2025SqliteFileIsNamedAndReadAsMinskyStoredIt() {
        StoreLocator file = MinskySchemas.sqlite(MinskySchemas.Era.SQLITE_2025, dir.resolve("sessions.db"), true);
        try (SessionStore store = StoreFactory.open(file, OpenMode.EXISTING)) {
            StoreInfo info = store.info();
            assertThat(info.era()).startsWith("minsky-sqlite-2025");
            assertThat(info.notes()).anySatisfy(note -> assertThat(note).contains("add the columns last_activity_at"));
            SessionRecord task = store.get("task#079").orElseThrow();
            assertThat(task.field("prApproved").orElseThrow().isBoolean()).isTrue();
            assertThat(task.field("prState").orElseThrow().get("commitHash").asText()).isEqualTo("abc123");
            assertThat(store.get("158").orElseThrow().field("pullRequest").orElseThrow().get("number").asInt()).isEqualTo(42);
        }
    }

    /** Regression (issue 8, failure 3): commit_count came back as the string "3" and commitCount: 5 was refused. */
    @Test
    void a2026SqliteFileGivesCommitCountAsANumberAndTakesOneBackAsAnInteger() throws SQLException {
        Path path = dir.resolve("sessions.db");
        StoreLocator file = MinskySchemas.sqlite(MinskySchemas.Era.SQLITE_2026, path, true);
        try (SessionStore store = StoreFactory.open(file, OpenMode.EXISTING)) {
            assertThat(store.info().era()).startsWith("minsky-sqlite-2026");
            SessionRecord merged = store.get(UUID_2026).orElseThrow();
            assertThat(merged.field("commitCount").orElseThrow().isInt()).isTrue();
            assertThat(merged.field("commitCount").orElseThrow().asInt()).isEqualTo(3);
            assertThat(merged.field("lastActivityAt").orElseThrow().asText()).isEqualTo("2026-02-03T08:30:00.250Z");

            SessionRecord five = session2026("c0ffee00-0000-4000-8000-000000000005");
            assertThat(store.unsupportedFields(five)).isEmpty();
            assertThat(store.refusals(five)).isEmpty();
            store.put(five);
            assertThat(store.get(five.key()).orElseThrow().fields()).isEqualTo(five.fields());
        }
        assertThat(sqliteText(path, "SELECT typeof(commit_count) || ':' || commit_count FROM sessions WHERE session = 'c0ffee00-0000-4000-8000-000000000005'"))
                .containsExactly("integer:5");
    }

    /** Regression (issue 8, failure 3): the Minsky SQLite table this tool creates had none of the 2026 columns. */
    @Test
    void aNewMinskySqliteFileHasThe2026ColumnsAndKeepsEvery2026Field() throws SQLException {
        Path path = dir.resolve("new.db");
        SessionRecord record = session2026("c0ffee00-0000-4000-8000-000000000006");
        try (SessionStore store = StoreFactory.open(StoreLocator.parse("sqlite:" + path + "?layout=minsky"), OpenMode.CREATE_IF_MISSING)) {
            assertThat(store.info().era()).startsWith("minsky-sqlite-2026");
            assertThat(store.unsupportedFields(record)).isEmpty();
            store.put(record);
        }
        assertThat(sqliteText(path, "SELECT name || ' ' || type FROM pragma_table_info('sessions') WHERE name IN"
                + " ('last_activity_at', 'last_commit_hash', 'last_commit_message', 'status', 'agent_id', 'commit_count') ORDER BY cid"))
                .containsExactly("last_activity_at TEXT", "last_commit_hash TEXT", "last_commit_message TEXT", "commit_count INTEGER",
                        "status TEXT", "agent_id TEXT");
        assertThat(sqliteText(path, "SELECT typeof(commit_count) FROM sessions")).containsExactly("integer");
    }

    @Test
    void prApprovedIsStoredAsMinskyStoresIt() throws SQLException {
        Path path = dir.resolve("approved.db");
        SessionRecord approved = session2026("a").with("prApproved", JsonCodec.MAPPER.getNodeFactory().booleanNode(true));
        SessionRecord notApproved = session2026("b").with("prApproved", JsonCodec.MAPPER.getNodeFactory().booleanNode(false));
        try (SessionStore store = StoreFactory.open(StoreLocator.parse("sqlite:" + path + "?layout=minsky"), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.upsert(List.of(approved, notApproved).iterator(), 2), ProgressMonitor.NONE);
            assertThat(store.unsupportedFields(notApproved)).isEmpty();
            assertThat(store.get("b").orElseThrow().fields()).isEqualTo(store.asStored(notApproved));
            assertThat(store.asStored(notApproved).has("prApproved")).isFalse();
        }
        assertThat(sqliteText(path, "SELECT session || '=' || coalesce(prApproved, 'NULL') FROM sessions ORDER BY session")).containsExactly("a=true", "b=NULL");
    }

    @Test
    void aPostgresDatabaseNamesItsDrizzleLedgerAndItsMigrationCount() {
        try (SessionStore ledgered = StoreFactory.open(MinskySchemas.postgresDatabase(true, 104), OpenMode.EXISTING);
             SessionStore ledgerLost = StoreFactory.open(MinskySchemas.postgresDatabase(true, -1), OpenMode.EXISTING)) {
            assertThat(ledgered.info().era()).isEqualTo("minsky-postgresql (Minsky PostgreSQL, Drizzle ledger with 104 migrations)");
            assertThat(ledgered.info().notes()).noneSatisfy(note -> assertThat(note).contains("ledger"));
            assertThat(ledgerLost.info().era()).isEqualTo("minsky-postgresql (Minsky PostgreSQL, no Drizzle ledger)");
            assertThat(ledgerLost.info().notes()).first().satisfies(note -> assertThat(note).contains("ledger-lost", "minsky persistence migrate"));
        }
    }

    /** Regression (issue 8, failure 2): last_activity_at is text in Minsky's PostgreSQL schema and keeps its exact stored form. */
    @Test
    void aRecordReadFromMinskysPostgresAndWrittenToAnotherIsByteForByteTheSame() throws SQLException {
        StoreLocator source = MinskySchemas.postgres(true);
        StoreLocator target = MinskySchemas.postgres(false);
        List<SessionRecord> records = new ArrayList<>();
        try (SessionStore from = StoreFactory.open(source, OpenMode.EXISTING); RecordCursor cursor = from.cursor()) {
            cursor.forEachRemaining(records::add);
        }
        assertThat(records.get(1).field("lastActivityAt").orElseThrow().asText()).isEqualTo("2025-06-17 23:32:23.528+00");
        try (SessionStore to = StoreFactory.open(target, OpenMode.EXISTING)) {
            for (SessionRecord record : records) {
                assertThat(to.unsupportedFields(record)).as(record.key()).isEmpty();
                assertThat(to.refusals(record)).as(record.key()).isEmpty();
            }
            to.write(WriteBatch.upsert(records.iterator(), records.size()), ProgressMonitor.NONE);
        }
        assertThat(postgresRows(target)).isEqualTo(postgresRows(source));
    }

    /** Regression (issue 8, failure 5): the target's catalogue names what it would refuse, and nothing else. */
    @Test
    void minskysPostgresLimitsAreReadFromItsCatalogue() {
        try (SessionStore store = StoreFactory.open(MinskySchemas.postgres(false), OpenMode.EXISTING)) {
            SessionRecord fine = session2026("ok").with("projectId", JsonCodec.MAPPER.getNodeFactory().textNode(MinskySchemas.PROJECT_ID));
            assertThat(store.refusals(fine)).isEmpty();

            assertThat(store.refusals(fine.with("repoName", JsonCodec.MAPPER.getNodeFactory().textNode("r".repeat(256)))))
                    .containsExactly("repoName is 256 characters long; Minsky's column repo_name holds 255");
            assertThat(store.refusals(fine.with("backendType", JsonCodec.MAPPER.getNodeFactory().textNode("b".repeat(51)))))
                    .containsExactly("backendType is 51 characters long; Minsky's column backend_type holds 50");
            assertThat(store.refusals(fine.with("projectId", JsonCodec.MAPPER.getNodeFactory().textNode("11111111-2222-4333-8444-555555555555"))))
                    .containsExactly("projectId '11111111-2222-4333-8444-555555555555' is not in projects (foreign key project_id -> projects.id)");
            assertThat(store.refusals(fine.without("repoUrl")))
                    .containsExactly("has no repoUrl, which Minsky's column repo_url requires");
        }
    }

    private static List<String> sqliteText(Path file, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Every column of every row as PostgreSQL's own text, in key order. */
    private static List<String> postgresRows(StoreLocator schema) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = TestPostgres.get().adminConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT s::text FROM " + schema.param("schema").orElseThrow()
                     + ".sessions s ORDER BY session")) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
