package dev.sessiondb.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.selection.MinskyPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery on a fake home directory: nothing of the real machine is read. */
class StoreDiscoveryTest {

    @TempDir
    Path dir;

    private Path home;
    private Path projects;

    @BeforeEach
    void fakeMachine() throws Exception {
        home = Files.createDirectories(dir.resolve("home"));
        Path state = Files.createDirectories(home.resolve(".local/state/minsky"));
        Files.copy(Fixtures.class.getResourceAsStream(Fixtures.MINSKY_ARRAY), state.resolve("session-db.json"));
        Fixtures.copy(Fixtures.MINSKY_BACKUP, state);
        Path globalConfig = Files.createDirectories(home.resolve(".config/minsky")).resolve("config.yaml");
        Files.writeString(globalConfig, "sessiondb:\n  backend: sqlite\n  sqlite:\n    path: ~/old/sessions.db\n");
        projects = Files.createDirectories(dir.resolve("projects"));
        Path repo = Files.createDirectories(projects.resolve("minsky/.minsky"));
        Files.writeString(repo.resolve("config.yaml"), "sessiondb:\n  backend: json\n  json:\n    baseDir: ./state\n");
        Fixtures.copy(Fixtures.MINSKY_BACKUP, projects.resolve("minsky"));
        Path repoState = Files.createDirectories(projects.resolve("minsky/state"));
        Files.writeString(repoState.resolve("session-db.json"),
                "[{\"session\":\"stray\",\"repoName\":\"local/minsky\",\"repoUrl\":\"/r\",\"createdAt\":\"2025-05-16T22:16:33.321Z\"}]");
        createSqlite(Files.createDirectories(projects.resolve("chat/data")).resolve("sessions.db"),
                "CREATE TABLE sessions (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, user_id TEXT, traits TEXT, created_at TEXT NOT NULL)",
                "CREATE TABLE messages (id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                        + " role TEXT NOT NULL, content TEXT NOT NULL, created_at TEXT NOT NULL)",
                "INSERT INTO sessions VALUES ('s1', 'acme', 'u1', NULL, '2025-01-06T09:00:00Z')");
        createSqlite(projects.resolve("chat/data/other.db"), "CREATE TABLE notes (id TEXT)");
        Files.createDirectories(projects.resolve("node_modules/x/.minsky"));
        Files.writeString(projects.resolve("node_modules/x/.minsky/config.yaml"), "sessiondb:\n  backend: json\n");
    }

    private static void createSqlite(Path file, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private StoreDiscovery.Result discover(Map<String, String> env) {
        return new StoreDiscovery(new MinskyPaths(env, home), List.of(projects)).discover(ProgressMonitor.NONE);
    }

    private static DiscoveredStore find(StoreDiscovery.Result result, Path path) {
        return result.stores().stream().filter(store -> store.locator().target().equals(path.toAbsolutePath().normalize().toString()))
                .findFirst().orElseThrow(() -> new AssertionError("not found: " + path + " in " + result.stores()));
    }

    @Test
    void findsMinskysStateDirectoryStoreAndItsBackupsWithLayoutAndCount() {
        StoreDiscovery.Result result = discover(Map.of());

        DiscoveredStore live = find(result, home.resolve(".local/state/minsky/session-db.json"));
        assertThat(live.foundVia()).containsExactly("Minsky's state directory");
        assertThat(live.layout()).contains(StoreLayout.MINSKY);
        assertThat(live.recordCount()).isEqualTo(Fixtures.MINSKY_COUNT);
        assertThat(live.lastModified()).isPresent();
        assertThat(find(result, home.resolve(".local/state/minsky/session-backup-2025-06-23T16-46-12-144Z.json")).recordCount()).isEqualTo(Fixtures.MINSKY_COUNT);
    }

    @Test
    void storesNamedByConfigsThatDoNotExistAreListedAsUnreachable() {
        DiscoveredStore missing = find(discover(Map.of()), home.resolve("old/sessions.db"));

        assertThat(missing.format()).isEqualTo(StoreFormat.SQLITE);
        assertThat(missing.foundVia()).singleElement().asString().startsWith("Minsky's global config");
        assertThat(missing.problem()).contains("does not exist");
        assertThat(missing.recordCount()).isEqualTo(-1);
    }

    @Test
    void projectConfigsAndSessionDatabasesUnderTheRootsAreFoundButDependenciesAreSkipped() {
        StoreDiscovery.Result result = discover(Map.of());

        DiscoveredStore projectStore = find(result, projects.resolve("minsky/state/session-db.json"));
        assertThat(projectStore.foundVia()).containsExactly(
                "project config " + projects.resolve("minsky/.minsky/config.yaml"), "Minsky JSON store under " + projects);
        assertThat(projectStore.recordCount()).isEqualTo(1);
        DiscoveredStore chat = find(result, projects.resolve("chat/data/sessions.db"));
        assertThat(chat.foundVia()).containsExactly("SQLite file with a sessions table under " + projects);
        assertThat(chat.layout()).contains(StoreLayout.CHAT);
        assertThat(chat.recordCount()).isEqualTo(1);
        assertThat(result.stores()).noneMatch(store -> store.locator().target().endsWith("other.db"));
        assertThat(find(result, projects.resolve("minsky/session-backup-2025-06-23T16-46-12-144Z.json")).recordCount()).isEqualTo(Fixtures.MINSKY_COUNT);
        assertThat(result.stores()).noneMatch(store -> store.foundVia().stream().anyMatch(via -> via.contains("node_modules")));
    }

    @Test
    void theEnvironmentNamesStoresTooAndPasswordsAreNeverShown() {
        StoreDiscovery.Result result = discover(Map.of(
                "SESSIONDB_STORE", "json:" + projects.resolve("minsky/state/session-db.json"),
                "MINSKY_SQLITE_PATH", projects.resolve("chat/data/sessions.db").toString(),
                "MINSKY_POSTGRES_URL", "postgresql://minsky:s3cret@127.0.0.1:1/minsky"));

        assertThat(find(result, projects.resolve("minsky/state/session-db.json")).foundVia()).startsWith("SESSIONDB_STORE");
        assertThat(find(result, projects.resolve("chat/data/sessions.db")).foundVia()).startsWith("MINSKY_SQLITE_PATH");
        DiscoveredStore postgres = result.stores().stream().filter(store -> store.format() == StoreFormat.POSTGRESQL).findFirst().orElseThrow();
        assertThat(postgres.locator().display()).isEqualTo("postgresql://minsky:****@127.0.0.1:1/minsky");
        assertThat(postgres.isReachable()).isFalse();
        assertThat(postgres.problem().orElseThrow()).doesNotContain("s3cret");
    }

    @Test
    void aBrokenConfigFileIsAProblemNotAFailure() throws Exception {
        Files.writeString(home.resolve(".config/minsky/config.yaml"), "sessiondb: [unclosed\n");

        StoreDiscovery.Result result = discover(Map.of());

        assertThat(result.problems()).singleElement().asString().contains("config.yaml").contains("not valid YAML");
        assertThat(result.stores()).isNotEmpty();
    }

    /**
     * A chat server keeps its sessions at ./data/sessions.db, or where DATABASE_PATH says: discovery run in its folder found
     * neither unless that folder was given as a root to search.
     */
    @Test
    void theChatServersDatabaseIsFoundAtItsDefaultPathAndWhereDatabasePathSays() throws Exception {
        Path server = projects.resolve("chat");
        Path moved = Files.copy(server.resolve("data/sessions.db"), Files.createDirectories(server.resolve("db")).resolve("chat.db"));

        StoreDiscovery.Result inItsFolder = new StoreDiscovery(new MinskyPaths(Map.of("DATABASE_PATH", "db/chat.db"), home), List.of(), server)
                .discover(ProgressMonitor.NONE);
        StoreDiscovery.Result inMemory = new StoreDiscovery(new MinskyPaths(Map.of("DATABASE_PATH", ":memory:"), home), List.of(), home)
                .discover(ProgressMonitor.NONE);

        DiscoveredStore usual = find(inItsFolder, server.resolve("data/sessions.db"));
        assertThat(usual.layout()).contains(StoreLayout.CHAT);
        assertThat(usual.recordCount()).isEqualTo(1);
        assertThat(usual.foundVia()).containsExactly("the chat server's default path, data/sessions.db in the current folder");
        assertThat(find(inItsFolder, moved).foundVia()).containsExactly("DATABASE_PATH (the chat server's setting)");
        assertThat(inMemory.stores()).noneMatch(store -> store.foundVia().stream().anyMatch(via -> via.contains("chat server")));
    }

    @Test
    void magellaisSessionDirectoryIsFound() throws Exception {
        Path magellai = Files.createDirectories(home.resolve(".config/magellai/sessions"));
        Files.writeString(magellai.resolve("a1.json"), "{\"id\":\"a1\",\"created\":\"2025-05-16T22:16:33Z\",\"updated\":\"2025-05-16T22:16:33Z\",\"conversation\":{\"messages\":[]}}");

        assertThat(find(discover(Map.of()), magellai).foundVia()).containsExactly("magellai's session directory");
        assertThat(Optional.of(find(discover(Map.of()), magellai).format())).contains(StoreFormat.JSONDIR);
    }

    /**
     * A Minsky store copied under a name of its own (back.json) was not listed: only session-db.json and session-backup-*.json
     * were. A .json file is told by its start: a bare array, {"sessions": [...]} or the backup wrapper, whose first record has a
     * "session"; other JSON (a package.json, an array of numbers, a magellai session) is not a store.
     */
    @Test
    void aMinskyStoreUnderANameOfItsOwnIsToldByItsStartAndOtherJsonIsNot() throws Exception {
        Path copies = Files.createDirectories(projects.resolve("copies"));
        Files.copy(Fixtures.class.getResourceAsStream(Fixtures.MINSKY_ARRAY), copies.resolve("back.json"));
        Files.copy(Fixtures.class.getResourceAsStream(Fixtures.MINSKY_BACKUP), copies.resolve("june.json"));
        Files.writeString(copies.resolve("wrapped.json"), "\uFEFF{\"baseDir\": \"/state\", \"sessions\": [{\"repoName\": \"local/minsky\", \"session\": \"s1\","
                + " \"repoUrl\": \"/r\", \"createdAt\": \"2025-05-16T22:16:33.321Z\"}]}");
        Files.writeString(copies.resolve("package.json"), "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {}}");
        Files.writeString(copies.resolve("tsconfig.json"), "{\"compilerOptions\": {\"strict\": true}, \"include\": [\"src\"]}");
        Files.writeString(copies.resolve("numbers.json"), "[1, 2, 3]");
        Files.writeString(copies.resolve("empty.json"), "[]");
        Files.writeString(copies.resolve("other-sessions.json"), "{\"sessions\": [{\"id\": \"a1\", \"user\": \"u\"}]}");
        // a store's start, then far past what is read of it, text that is no JSON: it is told by its start alone
        Files.writeString(copies.resolve("cut.json"), "[{\"session\": \"s1\", \"repoName\": \"r\", \"createdAt\": \"2025-05-16T22:16:33.321Z\", \"notes\": \""
                + "x".repeat(2_000_000) + "\"}, {not json");

        StoreDiscovery.Result result = discover(Map.of());

        assertThat(find(result, copies.resolve("back.json")).recordCount()).isEqualTo(Fixtures.MINSKY_COUNT);
        assertThat(find(result, copies.resolve("back.json")).foundVia()).containsExactly("Minsky JSON store under " + projects);
        assertThat(find(result, copies.resolve("june.json")).recordCount()).isEqualTo(Fixtures.MINSKY_COUNT);
        assertThat(find(result, copies.resolve("wrapped.json")).recordCount()).isEqualTo(1);
        assertThat(find(result, copies.resolve("cut.json")).problem()).as("listed, and why it does not open").isPresent();
        assertThat(result.stores()).noneMatch(store -> store.locator().target().matches(".*/(package|tsconfig|numbers|empty|other-sessions)\\.json"));
        assertThat(result.stores()).noneMatch(store -> store.locator().target().equals(copies.toString()));
    }

    /**
     * A chat server's or magellai's sessions migrated into a JSON file (a bare array, as the migration writes it) opened and
     * listed, but discovery passed them by: only a first record with Minsky's "session" told a store.
     */
    @Test
    void aJsonFileOfAChatServersOrMagellaisSessionsIsFoundAndSaysWhose() throws Exception {
        Path exports = Files.createDirectories(projects.resolve("exports"));
        Files.writeString(exports.resolve("chat.json"), "[{\"id\": \"chat-1\", \"tenantId\": \"t\", \"createdAt\": \"2025-01-06T09:00:00Z\","
                + " \"messages\": [{\"id\": \"m1\", \"role\": \"user\", \"content\": \"" + "long ".repeat(20_000) + "\"}]}]");
        Files.writeString(exports.resolve("magellai.json"), "[{\"id\": \"a1\", \"name\": \"n\", \"created\": \"2025-05-16T22:16:33Z\","
                + " \"updated\": \"2025-05-16T22:16:33Z\", \"conversation\": {\"id\": \"c\", \"messages\": []}}]");
        Files.writeString(exports.resolve("users.json"), "[{\"id\": \"u1\", \"tenant\": \"t\"}]");

        StoreDiscovery.Result result = discover(Map.of());

        assertThat(find(result, exports.resolve("chat.json")).foundVia()).containsExactly("JSON store of chat server sessions under " + projects);
        assertThat(find(result, exports.resolve("chat.json")).recordCount()).isEqualTo(1);
        assertThat(find(result, exports.resolve("magellai.json")).foundVia()).containsExactly("JSON store of magellai sessions under " + projects);
        assertThat(result.stores()).noneMatch(store -> store.locator().target().endsWith("users.json"));
    }

    /** A copy of magellai's session folder under a root was not found: only magellai's own folder in the home was. */
    @Test
    void aFolderOfMagellaisSessionsUnderARootIsToldByAFilesStart() throws Exception {
        Path kept = Files.createDirectories(projects.resolve("old-laptop/magellai-sessions"));
        for (String id : List.of("a1", "a2", "a3")) {
            Files.writeString(kept.resolve(id + ".json"), "{\"id\":\"" + id + "\",\"name\":\"n\",\"created\":\"2025-05-16T22:16:33Z\","
                    + "\"updated\":\"2025-05-16T22:16:33Z\",\"conversation\":{\"id\":\"c\",\"messages\":[]}}");
        }
        Path settings = Files.createDirectories(projects.resolve("app"));
        Files.writeString(settings.resolve("settings.json"), "{\"id\": 7, \"theme\": \"dark\"}");

        StoreDiscovery.Result result = discover(Map.of());

        DiscoveredStore magellai = find(result, kept);
        assertThat(magellai.format()).isEqualTo(StoreFormat.JSONDIR);
        assertThat(magellai.recordCount()).isEqualTo(3);
        assertThat(magellai.foundVia()).containsExactly("magellai's sessions under " + projects);
        assertThat(result.stores()).noneMatch(store -> store.locator().target().startsWith(settings.toString()));
    }
}
