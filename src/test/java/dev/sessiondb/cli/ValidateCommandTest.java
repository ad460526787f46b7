package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private static Map<String, Integer> countsByCheck(JsonNode findings) {
        Map<String, Integer> counts = new TreeMap<>();
        findings.forEach(finding -> counts.merge(finding.path("check").asText(), 1, Integer::sum));
        return counts;
    }

    @Test
    void theFixtureReportsItsRepoNameVariantsMixedTaskIdsCollidingSessionsAndMissingWorkspaces() throws Exception {
        CliRun run = CliRun.of("validate", Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode findings = JsonCodec.parse(run.out()).path("findings");
        assertThat(countsByCheck(findings)).isEqualTo(Map.of("duplicate-session", 18, "repo-name-variant", 50, "task-id-form", 5, "task-id-missing", 6,
                "workspace-missing", 144));
        assertThat(findings.get(0).fieldNames()).toIterable().containsExactly("check", "severity", "session", "message", "fix");
    }

    /** --check task-id-form on a store of chat sessions ran, found nothing and said nothing: as if the store's task ids were fine. */
    @Test
    void aCheckOfMinskysSessionsAskedOfAStoreOfAnotherKindsIsNotedAfterTheRun() {
        List<SessionRecord> chat = LongStream.range(0, 3).mapToObj(SampleSessions::chatRecord).toList();
        String chatStore = StoreContents.create("sqlite:" + dir.resolve("chat.db") + "?layout=chat", chat).toString();
        String mixedStore = StoreContents.create("json:" + dir.resolve("mixed.json"), Stream.concat(chat.stream(),
                Stream.of(SampleSessions.minskyRecord(3, 1))).toList()).toString();

        CliRun idle = CliRun.of("validate", chatStore, "--check", "task-id-form", "--check", "required-field");
        CliRun applying = CliRun.of("validate", chatStore, "--check", "required-field");
        CliRun mixed = CliRun.of("validate", mixedStore, "--check", "task-id-form");

        assertThat(idle.exitCode()).isZero();
        assertThat(idle.out()).contains("0 findings in " + chatStore);
        assertThat(idle.err()).isEqualTo("sessiondb: note: --check task-id-form looks only at Minsky's sessions, and every session of " + chatStore
                + " is a chat server's: it had nothing to check; the checks that look at its sessions are required-field, invalid-date, duplicate-session,"
                + " secret-in-record, schema-drift, store-damage" + System.lineSeparator());
        assertThat(applying.err()).isEmpty();
        assertThat(mixed.err()).as("a store holding a Minsky session too").isEmpty();
    }

    /** A JSON file in which a session repeats reads as no store: validate names each repeat, its two records and whether they are the same. */
    @Test
    void aSessionRepeatedInAJsonFileIsAFindingNamingBothRecords() throws Exception {
        Path file = Files.writeString(dir.resolve("twice.json"), "[\n {\"session\": \"a\", \"repoName\": \"r\"},\n {\"session\": \"b\"},\n"
                + " {\"session\": \"a\", \"repoName\": \"r\"},\n {\"session\": \"b\", \"branch\": \"x\"}\n]\n");

        CliRun json = CliRun.of("validate", file.toString(), "--format", "json");
        CliRun table = CliRun.of("validate", file.toString());

        assertThat(json.exitCode()).as(json.err()).isEqualTo(1);
        JsonNode findings = JsonCodec.parse(json.out()).path("findings");
        assertThat(findings).hasSize(3);
        assertThat(findings.get(0).path("message").asText()).isEqualTo("session 'a' appears twice, in record 1 (line 2, column 2) and in record 3"
                + " (line 4, column 2), the two records identical");
        assertThat(findings.get(0).path("fix").asText()).startsWith("run sessiondb repair: it removes the repeat, record 3 (line 4, column 2), after a backup");
        assertThat(findings.get(1).path("message").asText()).endsWith("the two records differing in branch");
        assertThat(findings.get(1).path("fix").asText()).startsWith("compare record 2 (line 3, column 2) with record 4 (line 5, column 2)");
        assertThat(findings.get(2).path("session").isNull()).as("a finding of the store as a whole").isTrue();
        assertThat(table.exitCode()).isEqualTo(1);
        assertThat(table.out()).endsWith("3 findings in json:" + file + System.lineSeparator());
        assertThat(Files.readString(file)).as("validate changes nothing").contains("\"branch\": \"x\"");
    }

    @Test
    void checksCanBeChosenAndTheTableEndsWithACount() {
        CliRun run = CliRun.of("validate", Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString(), "--check", "task-id-form");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("task-id-form", "test-with-task", "taskId '143' is written as bare digits (like 079), but this store mostly writes #digits (like #079)", "fix: rewrite it as '#143'")
                .endsWith("5 findings in json:" + dir.resolve("session-db.json") + System.lineSeparator());
    }

    @Test
    void theTablesLastLineCountsTheFindingsOfEachCheckTheMostFirst() {
        CliRun run = CliRun.of("validate", Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString());

        assertThat(run.out()).endsWith("223 findings in json:" + dir.resolve("session-db.json") + ": workspace-missing 144, repo-name-variant 50,"
                + " duplicate-session 18, task-id-missing 6, task-id-form 5 (--check NAME lists only that check's)" + System.lineSeparator());
    }

    @Test
    void aCleanStoreExitsWithZero() throws Exception {
        Path clean = dir.resolve("clean.json");
        Files.writeString(clean, "[{\"session\":\"a\",\"repoName\":\"local/minsky\",\"repoUrl\":\"/r\",\"createdAt\":\"2025-05-16T22:16:33.321Z\"}]");

        CliRun run = CliRun.of("validate", clean.toString(), "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualToIgnoringWhitespace("{\"findings\": []}");
    }

    @Test
    void anUnknownCheckIsBadInput() {
        CliRun run = CliRun.of("validate", Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString(), "--check", "spelling");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sessiondb: unknown check 'spelling'");
    }

    @Test
    void workspacesUnderAnotherStateDirectoryAreCheckedWhenNamed() throws Exception {
        Path state = dir.resolve("state");
        Files.createDirectories(state.resolve("sessions/task#002"));
        Files.createDirectories(state.resolve("git/local-minsky/sessions/forgotten"));

        CliRun run = CliRun.of("validate", Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString(), "--workspaces", state.toString(),
                "--check", "workspace-unregistered", "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(JsonCodec.parse(run.out()).path("findings")).singleElement().satisfies(finding ->
                assertThat(finding.path("session").asText()).isEqualTo("forgotten"));
    }

    /** The audit: a missing --workspaces folder, or the sessions folder itself, checked no workspace and reported 0 findings. */
    @Test
    void aWorkspacesFolderThatIsNoStateDirectoryIsBadInputNamingIt() throws Exception {
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path sessions = Files.createDirectories(dir.resolve("state/sessions/task#002")).getParent();

        CliRun missing = CliRun.of("validate", store.toString(), "--workspaces", dir.resolve("nonexistent").toString(), "--check", "workspace-unregistered");
        CliRun workspacesItself = CliRun.of("validate", store.toString(), "--workspaces", sessions.toString(), "--check", "workspace-unregistered");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).isEqualTo("sessiondb validate: --workspaces " + dir.resolve("nonexistent") + " does not exist; name a Minsky state"
                + " directory, the folder holding sessions/ (a workspace per session) or git/REPO/sessions/ (see sessiondb validate --help)" + System.lineSeparator());
        assertThat(workspacesItself.exitCode()).isEqualTo(2);
        assertThat(workspacesItself.err()).contains(sessions + " holds no sessions/ or git/ folder and none of Minsky's state files"
                + " (session-db.json, sessions.db, conversation-by-pid, conversation-transitions.jsonl, memory-captures), so no workspace would be checked;",
                "(its folders look like the workspaces themselves: name the folder above it, " + dir.resolve("state") + ")");
    }

    /** The audit: Minsky makes sessions/ with its first workspace, and a fresh state directory was refused as none. */
    @Test
    void aFreshStateDirectoryWithNoSessionsFolderYetIsCheckedAndSaidToHoldNoWorkspace() throws Exception {
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path empty = Files.createDirectories(dir.resolve("empty-state"));
        Path withItsDatabase = Files.createDirectories(dir.resolve("sqlite-state"));
        Files.createFile(withItsDatabase.resolve("sessions.db"));
        Path checkout = Files.createDirectories(dir.resolve("checkout"));
        Files.writeString(checkout.resolve("package.json"), "{}");

        for (Path fresh : List.of(empty, withItsDatabase)) {
            CliRun run = CliRun.of("validate", store.toString(), "--workspaces", fresh.toString(), "--check", "workspace-unregistered", "--format", "json");

            assertThat(run.exitCode()).isZero();
            assertThat(JsonCodec.parse(run.out()).path("findings")).isEmpty();
            assertThat(JsonCodec.parse(run.err())).isEqualTo(JsonCodec.parse("{\"note\": \"" + fresh + " has no sessions/ folder yet (Minsky makes it"
                    + " with its first session workspace): 0 workspaces to check\", \"command\": \"validate\"}"));
        }
        CliRun notOne = CliRun.of("validate", store.toString(), "--workspaces", checkout.toString(), "--check", "workspace-unregistered");
        assertThat(notOne.exitCode()).isEqualTo(2);
        assertThat(notOne.err()).startsWith("sessiondb validate: --workspaces " + checkout + " holds no sessions/ or git/ folder and none of Minsky's state files");
    }

    /**
     * The bad-input audit's forms (W6): each one is masked by ls, show and validate and flagged by secret-in-record, the
     * one detector behind both; a path naming a secret word is left whole (C1), and so is a commit hash.
     */
    @Test
    void everyFormOfSecretIsMaskedEverywhereAndFlaggedAndOrdinaryTextIsLeftWhole() throws Exception {
        Map<String, String> notes = new TreeMap<>(Map.of(
                "hex-user", "https://0123456789abcdef0123456789abcdef01234567@github.com/x/y.git",
                "bearer", "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2VjcmV0c2lnbmF0dXJl",
                "aws-id", "AKIAIOSFODNN7EXAMPLE",
                "aws-secret", "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "pem", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU\n-----END OPENSSH PRIVATE KEY-----",
                "json", "{\"password\": \"hunterJSON\"}",
                "pass", "pass: hunterPASS",
                "quoted", "password='hunter QUOTED'",
                "colon", "password: hunterCOLON"));
        notes.putAll(Map.of(
                "mysql", "mysql -u root -phunter2pw db",
                "jwt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlSldU",
                "stripe", "sk_live_51HxSTRIPEabcdefghijklmnop",
                "google", "AIzaSyGOOGLEabcdefghijklmnopqrstuvwxyz0",
                "npm", "npm_NPMabcdefghijklmnopqrstuvwxyz0123456"));
        StringBuilder json = new StringBuilder("[");
        notes.forEach((session, note) -> json.append(JsonCodec.MAPPER.createObjectNode().put("session", session).put("repoName", "local/minsky")
                .put("repoUrl", "/r").put("createdAt", "2025-05-16T22:16:33.321Z").put("commit", "89abcdef0123456789abcdef0123456789abcdef")
                .put("notes", note)).append(','));
        json.setCharAt(json.length() - 1, ']');
        Path store = Files.writeString(dir.resolve("secrets.json"), json);
        List<String> secretParts = List.of("0123456789abcdef0123456789abcdef01234567", "c2VjcmV0c2lnbmF0dXJl", "IOSFODNN7", "wJalrXUtnFEMI",
                "b3BlbnNzaC1rZXkt", "hunterJSON", "hunterPASS", "hunter", "QUOTED", "COLON",
                "hunter2pw", "c2lnbmF0dXJl", "STRIPE", "GOOGLE", "NPMabc");

        CliRun ls = CliRun.of("ls", store.toString(), "--format", "json");
        CliRun show = CliRun.of("show", store.toString(), "quoted");
        CliRun validate = CliRun.of("validate", store.toString(), "--check", "secret-in-record", "--format", "json");

        for (CliRun run : List.of(ls, show, validate)) {
            assertThat(run.out() + run.err()).doesNotContain(secretParts);
        }
        assertThat(ls.out()).as("a commit hash is no secret").contains("\"commit\": \"89abcdef0123456789abcdef0123456789abcdef\"");
        assertThat(JsonCodec.parse(validate.out()).path("findings")).extracting(finding -> finding.path("session").asText() + ": " + finding.path("message").asText())
                .containsExactlyInAnyOrderElementsOf(notes.keySet().stream().map(session -> session + ": a secret is stored in notes").toList());
        Path named = Files.createDirectories(dir.resolve("secret=abc"));
        assertThat(CliRun.of("ls", "json:" + named.resolve("x.json")).err()).contains("secret=****/x.json: no such file");
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        assertThat(CliRun.of("ls", passwd.toString()).err()).contains("/passwd: not a session store, neither JSON nor SQLite");
    }
}
