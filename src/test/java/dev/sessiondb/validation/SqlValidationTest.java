package dev.sessiondb.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.cli.CliRun;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.store.sql.MinskySchemas;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation of SQL stores: the same findings as JSON, and schema drift read from the database's catalogue. */
class SqlValidationTest {

    private static final String MINSKY_2025_PG = "CREATE TABLE %s.sessions (session varchar(255) PRIMARY KEY, repo_name varchar(255) NOT NULL,"
            + " repo_url varchar(1000) NOT NULL, created_at timestamptz NOT NULL, task_id varchar(100), pr_branch varchar(255),"
            + " pr_approved varchar(10), %s backend_type varchar(50), pull_request text)";

    @TempDir
    Path dir;

    private static void sqlite(Path file, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<Finding> validate(StoreLocator locator, String check) {
        List<Finding> findings = new ArrayList<>();
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            new Validator(Checks.create(List.of(check), ValidationContext.of(store, List.of()))).run(store, findings::add, ProgressMonitor.NONE);
        }
        return findings;
    }

    @Test
    void aMinskySqliteTableWithoutPrStateIsSchemaDrift() throws Exception {
        Path file = dir.resolve("sessions.db");
        sqlite(file, "CREATE TABLE sessions (session TEXT PRIMARY KEY, repoName TEXT NOT NULL, repoUrl TEXT, createdAt TEXT NOT NULL,"
                        + " taskId TEXT, branch TEXT, repoPath TEXT, prBranch TEXT, prApproved TEXT, backendType TEXT, pullRequest TEXT)",
                "INSERT INTO sessions (session, repoName, repoUrl, createdAt) VALUES ('task#079', 'local/minsky', '/src', '2025-05-16T22:16:33.321Z')");

        List<Finding> findings = validate(StoreLocator.parse("sqlite:" + file), "schema-drift");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.session()).isNull();
            assertThat(finding.message()).isEqualTo("the sessions table has no column prState; what Minsky writes there is silently dropped");
            assertThat(finding.fix()).isEqualTo("add it: ALTER TABLE sessions ADD COLUMN \"prState\" TEXT");
        });
    }

    /** A user audit: a prState cell holding {not json passed validate with nothing said of it. */
    @Test
    void aMinskySqliteCellThatIsNotValidJsonIsAFindingNamingTheRecordAndField() throws Exception {
        Path file = dir.resolve("sessions.db");
        sqlite(file, "CREATE TABLE sessions (session TEXT PRIMARY KEY, repoName TEXT NOT NULL, repoUrl TEXT, createdAt TEXT NOT NULL,"
                        + " taskId TEXT, repoPath TEXT, prBranch TEXT, prApproved TEXT, prState TEXT, backendType TEXT, pullRequest TEXT)",
                "INSERT INTO sessions (session, repoName, repoUrl, createdAt, prState) VALUES ('task#079', 'local/minsky', '/src',"
                        + " '2025-05-16T22:16:33.321Z', '{not json')",
                "INSERT INTO sessions (session, repoName, repoUrl, createdAt, prState, pullRequest) VALUES ('task#080', 'local/minsky', '/src',"
                        + " '2025-05-16T22:16:33.321Z', '{\"branchName\":\"pr/task#080\"}', '[1]')");

        List<Finding> findings = validate(StoreLocator.parse("sqlite:" + file), "malformed-field");
        CliRun run = CliRun.of("validate", "sqlite:" + file);

        assertThat(findings).extracting(Finding::session, Finding::severity, Finding::message).containsExactly(
                Tuple.tuple("task#079", Severity.ERROR,
                        "prState is the text '{not json', not an object (in a SQL store: a cell that is not valid JSON)"),
                Tuple.tuple("task#080", Severity.ERROR, "pullRequest is an array, not an object"));
        assertThat(run.out()).contains("malformed-field", "task#079", "prState is the text '{not json'");
    }

    @Test
    void aCompleteMinskySqliteTableAndANativeStoreHaveNoDrift() throws Exception {
        Path minsky = dir.resolve("minsky.db");
        sqlite(minsky, "CREATE TABLE sessions (session TEXT PRIMARY KEY, repoName TEXT NOT NULL, repoUrl TEXT, createdAt TEXT NOT NULL,"
                + " taskId TEXT, repoPath TEXT, prBranch TEXT, prApproved TEXT, prState TEXT, backendType TEXT, pullRequest TEXT)");
        try (SessionStore created = StoreFactory.open("sqlite:" + dir.resolve("native.db"), OpenMode.CREATE_IF_MISSING)) {
            assertThat(created.count()).isZero();
        }

        assertThat(validate(StoreLocator.parse("sqlite:" + minsky), "schema-drift")).isEmpty();
        assertThat(validate(StoreLocator.parse("sqlite:" + dir.resolve("native.db")), "schema-drift")).isEmpty();
    }

    @Test
    void minskyLayoutStoresThisToolCreatesHaveNoDrift() {
        StoreLocator sqlite = StoreLocator.parse("sqlite:" + dir.resolve("created.db") + "?layout=minsky");
        StoreLocator postgres = MinskySchemas.postgres(false);
        for (StoreLocator locator : List.of(sqlite, postgres)) {
            try (SessionStore created = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
                assertThat(created.count()).isZero();
            }
        }

        assertThat(validate(sqlite, "schema-drift")).isEmpty();
        assertThat(validate(postgres, "schema-drift")).isEmpty();
    }

    @Test
    void aPostgresTableFrom2025LacksThe2026ColumnsAndOneWithoutPrStateLosesData() {
        TestPostgres postgres = TestPostgres.get();
        StoreLocator older = postgres.freshSchema("layout=minsky");
        String schema = older.param("schema").orElseThrow();
        postgres.execute("CREATE SCHEMA " + schema);
        postgres.execute(String.format(MINSKY_2025_PG, schema, ""));
        postgres.execute("INSERT INTO " + schema + ".sessions (session, repo_name, repo_url, created_at) VALUES ('task#079', 'local/minsky', '/src', now())");

        List<Finding> findings = validate(older, "schema-drift");

        assertThat(findings).extracting(Finding::severity).containsOnly(Severity.ERROR, Severity.WARNING);
        assertThat(findings).filteredOn(finding -> finding.severity() == Severity.ERROR).singleElement()
                .satisfies(finding -> assertThat(finding.message()).startsWith("the sessions table has no column pr_state"));
        assertThat(findings).filteredOn(finding -> finding.severity() == Severity.WARNING).hasSize(9);
    }

    @Test
    void theFixtureInSqliteGivesTheSameFindingsAsInJson() throws Exception {
        Path file = dir.resolve("fixture.db");
        try (SessionStore store = StoreFactory.open("sqlite:" + file, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(Fixtures.minskyRecords().iterator(), Fixtures.MINSKY_COUNT), ProgressMonitor.NONE);
        }
        Path json = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        String fromSqlite = JsonCodec.parse(CliRun.of("validate", "sqlite:" + file, "--format", "json").out()).path("findings").toString();
        String fromJson = JsonCodec.parse(CliRun.of("validate", json.toString(), "--format", "json").out()).path("findings").toString();

        assertThat(fromSqlite.length()).isGreaterThan(1000);
        assertThat(sortedLines(fromSqlite)).isEqualTo(sortedLines(fromJson));
    }

    /** The survey reads repoPath out of the record text with SQLite's JSON functions: a workspace it names is registered. */
    @Test
    void aWorkspaceNamedByARecordsRepoPathIsRegisteredInSqliteAsInJson() throws Exception {
        Files.createDirectories(dir.resolve("sessions/registered"));
        Files.createDirectories(dir.resolve("sessions/by-path"));
        Files.createDirectories(dir.resolve("sessions/by-odd-path"));
        GitRepos.create(dir.resolve("sessions/orphan"), "git@github.com:edobry/minsky.git", "orphan", "2025-06-01T10:00:00Z");
        StoreLocator sqlite = StoreLocator.parse("sqlite:" + dir.resolve("sessions.db"));
        try (SessionStore store = StoreFactory.open(sqlite, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(List.of(
                    SessionRecord.ofParsed(JsonCodec.parseObject("{\"session\": \"registered\", \"repoName\": \"local/minsky\"}")),
                    SessionRecord.ofParsed(JsonCodec.parseObject("{\"session\": \"a\", \"repoPath\": \"" + dir.resolve("sessions/by-path") + "\"}")),
                    SessionRecord.ofParsed(JsonCodec.parseObject("{\"session\": \"b\", \"repoPath\": \"sessions/by-odd-path\", \"taskId\": 7}"))
            ).iterator(), 3), ProgressMonitor.NONE);
        }

        assertThat(validate(sqlite, "workspace-unregistered")).extracting(Finding::session).containsExactly("orphan");
    }

    @Test
    void aChatServerDatabaseInItsOwnDateFormIsCleanButATokenInItsTraitsIsFound() throws Exception {
        Path file = dir.resolve("chat.db");
        sqlite(file, "CREATE TABLE sessions (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, user_id TEXT, traits TEXT, created_at TEXT NOT NULL)",
                "CREATE TABLE messages (id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                        + " role TEXT NOT NULL, content TEXT NOT NULL, created_at TEXT NOT NULL)",
                "INSERT INTO sessions VALUES ('s1', 'acme', 'u1', '{\"plan\":\"pro\"}', '2025-01-06 09:00:00')",
                "INSERT INTO sessions VALUES ('s2', 'acme', 'u2', '{\"apiKey\":\"sk-abcdefghijklmnopqrstuvwxyz\"}', '2025-01-07 10:00:00')");

        CliRun run = CliRun.of("validate", "sqlite:" + file, "--format", "json");

        assertThat(JsonCodec.parse(run.out()).path("findings").toString()).isEqualTo("[{\"check\":\"secret-in-record\",\"severity\":\"error\","
                + "\"session\":\"s2\",\"message\":\"a secret is stored in traits.apiKey\",\"fix\":\"remove it from the record and revoke it;"
                + " tools read tokens from their config or environment (Minsky: GITHUB_TOKEN)\"}]");
    }

    private static List<String> sortedLines(String findings) throws Exception {
        List<String> lines = new ArrayList<>();
        JsonCodec.parse(findings).forEach(finding -> lines.add(finding.toString()));
        lines.sort(null);
        return lines;
    }
}
