package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.cli.CliRun;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.MinskySchemas;
import dev.sessiondb.store.sql.PgCredentials;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five failures issue 8 reproduced against Minsky, through the CLI, on real SQLite files and a
 * real PostgreSQL holding Minsky's own schema: each fixed, or refused before anything is written with
 * the path that works.
 */
class MinskyTargetJobsTest {

    private static final String GUIDED = "create the database with Minsky (`minsky persistence migrate`), then `sessiondb migrate SRC TARGET --mode merge`";

    @TempDir
    Path dir;

    private CliRun cli(String... args) {
        return CliRun.of(Stream.concat(Stream.of(args), Stream.of("--backup-dir", dir.resolve("journal").toString())).toArray(String[]::new));
    }

    /** Two 2026 records, as Minsky's JSON-era tools would hand them over with the 2026 fields. */
    private Path json2026() throws Exception {
        ArrayNode sessions = JsonCodec.MAPPER.createArrayNode();
        for (int i = 1; i <= 2; i++) {
            ObjectNode record = sessions.addObject().put("session", "c0ffee00-0000-4000-8000-00000000000" + i)
                    .put("repoName", "edobry/minsky").put("repoUrl", "https://github.com/edobry/minsky.git")
                    .put("createdAt", "2026-04-0" + i + "T10:00:00.000Z").put("taskId", "mt#28" + i).put("backendType", "github")
                    .put("status", "ACTIVE").put("agentId", "claude-code").put("commitCount", i).put("lastActivityAt", "2026-04-0" + i + "T11:00:00.000Z")
                    .put("lastCommitHash", "abc" + i).put("lastCommitMessage", "commit " + i).put("projectId", MinskySchemas.PROJECT_ID)
                    .put("shortId", "ws#" + (100 + i)).put("prApproved", true);
            record.putObject("interfaceBinding").put("kind", "cli");
        }
        Path file = dir.resolve("sessions-2026.json");
        Files.writeString(file, JsonCodec.pretty(sessions));
        return file;
    }

    /** Regression (issue 8, failures 1 and 4): no Minsky PostgreSQL database that Minsky's migrator would call ledger-lost. */
    @Test
    void aNewMinskyPostgresTargetIsRefusedUpFrontWithTheGuidedPath() throws Exception {
        StoreLocator absent = TestPostgres.get().freshSchema();
        Path source = json2026();

        CliRun dryRun = cli("migrate", "json:" + source, absent.display(), "--layout", "minsky", "--dry-run");
        CliRun run = cli("migrate", "json:" + source, absent.display(), "--layout", "minsky", "--allow-loss");

        assertThat(dryRun.out() + dryRun.err()).contains(GUIDED).doesNotContain("cannot hold");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(GUIDED).doesNotContain("cannot hold");
        assertThat(schemaExists(absent)).isFalse();
    }

    /** A plan refused before it read the records shows no count of them it never took: the fixture has 93 without a task id, not 0. */
    @Test
    void aPlanRefusedBeforeItsScanPrintsNoCountItDidNotMeasure() throws Exception {
        StoreLocator absent = TestPostgres.get().freshSchema("layout=minsky");
        Path source = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun json = cli("migrate", source.toString(), absent.display(), "--dry-run", "--format", "json");
        CliRun text = cli("migrate", source.toString(), absent.display(), "--dry-run");

        assertThat(json.exitCode()).isEqualTo(2);
        JsonNode counts = JsonCodec.parse(json.out()).path("counts");
        assertThat(counts.path("source records").asLong()).isEqualTo(Fixtures.MINSKY_COUNT);
        assertThat(counts.has("records without a task id")).isFalse();
        assertThat(text.out()).contains("source records:", GUIDED).doesNotContain("records without a task id");
    }

    /** Regression (issue 8, failures 1 and 4): merging into a database Minsky created keeps every 2026 field and Minsky's ledger. */
    @Test
    void mergingIntoADatabaseMinskyCreatedKeepsEvery2026FieldAndTheLedger() throws Exception {
        StoreLocator minsky = MinskySchemas.postgresDatabase(true, 104);
        List<String> tablesBefore = publicTables(minsky);

        CliRun run = cli("migrate", "json:" + json2026(), minsky.display(), "--mode", "merge");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).doesNotContain("cannot hold").doesNotContain("not kept as it was").contains("records verified:");
        assertThat(query(minsky, "SELECT count(*) FROM drizzle.__drizzle_migrations")).containsExactly("104");
        assertThat(publicTables(minsky)).isEqualTo(tablesBefore);
        assertThat(query(minsky, "SELECT status || '|' || agent_id || '|' || commit_count || '|' || last_activity_at || '|' || pr_approved"
                + " || '|' || interface_binding || '|' || short_id || '|' || project_id FROM sessions WHERE session LIKE 'c0ffee00%' ORDER BY session"))
                .containsExactly("ACTIVE|claude-code|1|2026-04-01T11:00:00.000Z|true|{\"kind\":\"cli\"}|ws#101|" + MinskySchemas.PROJECT_ID,
                        "ACTIVE|claude-code|2|2026-04-02T11:00:00.000Z|true|{\"kind\":\"cli\"}|ws#102|" + MinskySchemas.PROJECT_ID);
    }

    /** Regression (issue 8, failure 2): a real Minsky database copied into another keeps last_activity_at's stored text. */
    @Test
    void copyingOneMinskyDatabaseIntoAnotherKeepsLastActivityAtAsMinskyStoredIt() {
        StoreLocator source = MinskySchemas.postgres(true);
        StoreLocator target = MinskySchemas.postgresDatabase(false, 104);

        CliRun run = cli("migrate", source.display(), target.display(), "--layout", "minsky", "--mode", "merge");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).doesNotContain("cannot hold");
        assertThat(query(target, "SELECT last_activity_at FROM sessions WHERE session = 'task#079'")).containsExactly("2025-06-17 23:32:23.528+00");
    }

    /** Regression (issue 8, failure 5): the dry run lists every record Minsky's database would refuse, and the run writes nothing. */
    @Test
    void theDryRunListsEveryRecordTheTargetsLimitsWouldRefuse() throws Exception {
        StoreLocator minsky = MinskySchemas.postgresDatabase(true, 104);
        ArrayNode sessions = (ArrayNode) JsonCodec.parse(Files.readString(json2026()));
        ((ObjectNode) sessions.get(0)).put("repoName", "r".repeat(300));
        ((ObjectNode) sessions.get(1)).put("backendType", "b".repeat(60)).put("projectId", "11111111-2222-4333-8444-555555555555");
        Path source = dir.resolve("too-long.json");
        Files.writeString(source, JsonCodec.pretty(sessions));

        CliRun dryRun = cli("migrate", "json:" + source, minsky.display(), "--mode", "merge", "--dry-run");
        CliRun run = cli("migrate", "json:" + source, minsky.display(), "--mode", "merge");

        assertThat(dryRun.out() + dryRun.err()).contains(
                "c0ffee00-0000-4000-8000-000000000001: repoName is 300 characters long; Minsky's column repo_name holds 255",
                "c0ffee00-0000-4000-8000-000000000002: backendType is 60 characters long; Minsky's column backend_type holds 50",
                "c0ffee00-0000-4000-8000-000000000002: projectId '11111111-2222-4333-8444-555555555555' is not in projects"
                        + " (foreign key project_id -> projects.id)");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("would refuse 2 records");
        assertThat(query(minsky, "SELECT count(*) FROM sessions")).containsExactly("2");
    }

    @Test
    void infoNamesEachMinskyEraInTableAndJson() throws Exception {
        StoreLocator sqlite2025 = MinskySchemas.sqlite(MinskySchemas.Era.SQLITE_2025, dir.resolve("2025.db"), true);
        StoreLocator sqlite2026 = MinskySchemas.sqlite(MinskySchemas.Era.SQLITE_2026, dir.resolve("2026.db"), true);
        StoreLocator postgres = MinskySchemas.postgresDatabase(true, 104);

        assertThat(CliRun.of("info", "json:" + json2026()).out()).contains("Era:            minsky-json (Minsky JSON file, until August 2025)");
        assertThat(CliRun.of("info", sqlite2025.display()).out()).contains("Era:            minsky-sqlite-2025");
        assertThat(CliRun.of("info", sqlite2026.display()).out()).contains("Era:            minsky-sqlite-2026");
        assertThat(CliRun.of("info", postgres.display()).out()).contains("Era:            minsky-postgresql (Minsky PostgreSQL, Drizzle ledger with 104 migrations)");
        JsonNode json = JsonCodec.parse(CliRun.of("info", sqlite2026.display(), "--format", "json").out());
        assertThat(json.get("era").asText()).startsWith("minsky-sqlite-2026");
    }

    /**
     * A record keyed by Minsky's 2026 name, sessionId, is held by the table's session column: the verification expects it
     * back under that name, where it warned that session and sessionId differ for every such record.
     */
    @Test
    void aRecordKeyedBySessionIdVerifiesInAMinskySqliteFile() throws Exception {
        ArrayNode sessions = JsonCodec.MAPPER.createArrayNode();
        sessions.addObject().put("sessionId", "task-md#000001").put("repoName", "local/minsky").put("repoUrl", "/src/minsky")
                .put("createdAt", "2026-04-01T10:00:00.000Z").put("taskId", "md#1");
        sessions.addObject().put("session", "task-md#000002").put("repoName", "local/minsky").put("repoUrl", "/src/minsky")
                .put("createdAt", "2026-04-02T10:00:00.000Z").put("taskId", "md#2");
        Path source = dir.resolve("keyed.json");
        Files.writeString(source, JsonCodec.pretty(sessions));
        Path target = dir.resolve("minsky.db");

        CliRun run = cli("migrate", "json:" + source, "sqlite:" + target, "--layout", "minsky");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("records verified:                  2").doesNotContain("differ in the target", "warning");
        List<String> keys = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + target);
                ResultSet rows = connection.createStatement().executeQuery("SELECT session FROM sessions ORDER BY session")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        assertThat(keys).containsExactly("task-md#000001", "task-md#000002");
    }

    private static boolean schemaExists(StoreLocator locator) {
        return !query(locator, "SELECT nspname FROM pg_namespace WHERE nspname = '" + locator.param("schema").orElseThrow() + "'").isEmpty();
    }

    private static List<String> publicTables(StoreLocator database) {
        return query(database, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    }

    private static List<String> query(StoreLocator locator, String sql) {
        var credentials = PgCredentials.resolve(locator, System.getenv(), Path.of(System.getProperty("user.home")));
        List<String> values = new ArrayList<>();
        String schema = locator.param("schema").map(name -> "SET search_path TO " + name).orElse(null);
        try (Connection connection = DriverManager.getConnection(credentials.jdbcUrl(), credentials.user(), credentials.password())) {
            if (schema != null) {
                connection.createStatement().execute(schema);
            }
            try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }
}
