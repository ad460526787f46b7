package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.validation.Checks;
import dev.sessiondb.validation.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepairCommandTest {

    @TempDir
    Path dir;

    @Test
    void aDryRunPrintsEveryChangeRecordByRecordAndWritesNothing() throws Exception {
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        byte[] before = Files.readAllBytes(store);

        CliRun run = CliRun.of("repair", store.toString(), "--dry-run", "--backup-dir", dir.resolve("backups").toString());

        assertThat(run.exitCode()).as("findings are left for a person").isEqualTo(SessionDbCommand.FOUND);
        assertThat(run.out()).contains("change test-with-task (task-id-form)", "    taskId: \"143\" -> \"#143\"",
                "    repoName: \"local-minsky\" -> \"local/minsky\"", "58 records to change, 0 workspaces to register",
                "18 duplicate-session findings need a person", "144 workspace-missing findings need a person", "Dry run: nothing was written.");
        assertThat(run.out().lines().filter(line -> line.startsWith("  change ")).count()).isEqualTo(58);
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    /** A script reads from the exit code what validate would say next: 1 while findings need a person, as validate's 1 for findings. */
    @Test
    void findingsLeftForAPersonMakeTheRepairAndItsDryRunExit1AsValidateDoes() throws Exception {
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        String backups = dir.resolve("backups").toString();

        assertThat(CliRun.of("repair", store.toString(), "--dry-run").exitCode()).isEqualTo(SessionDbCommand.FOUND);
        assertThat(CliRun.of("repair", store.toString(), "--dry-run", "--format", "json").exitCode()).isEqualTo(SessionDbCommand.FOUND);
        CliRun run = CliRun.of("repair", store.toString(), "--backup-dir", backups);

        assertThat(run.exitCode()).isEqualTo(SessionDbCommand.FOUND);
        assertThat(run.out()).contains("warning: 18 duplicate-session findings need a person", "undo with: sessiondb undo");
        assertThat(CliRun.of("validate", store.toString()).exitCode()).isEqualTo(SessionDbCommand.FOUND);
        assertThat(CliRun.of("repair", store.toString(), "--dry-run").exitCode()).isEqualTo(SessionDbCommand.FOUND);
    }

    @Test
    void aRepairThatFixesEverythingItChecksExits0AndSoDoesItsDryRun() throws Exception {
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        String backups = dir.resolve("backups").toString();

        assertThat(CliRun.of("repair", store.toString(), "--check", "task-id-form", "--dry-run").exitCode()).isZero();
        assertThat(CliRun.of("repair", store.toString(), "--check", "task-id-form", "--backup-dir", backups).exitCode()).isZero();
        assertThat(CliRun.of("validate", store.toString(), "--check", "task-id-form").exitCode()).isZero();
    }

    @Test
    void aJsonDryRunListsBeforeAndAfterOfEachField() throws Exception {
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun run = CliRun.of("repair", store.toString(), "--check", "task-id-form", "--dry-run", "--format", "json");

        JsonNode changes = JsonCodec.parse(run.out()).path("changes");
        assertThat(changes).hasSize(5);
        assertThat(changes.get(0).toString()).isEqualTo(
                "{\"session\":\"test-success-issue\",\"action\":\"change\",\"checks\":[\"task-id-form\"],\"fields\":[{\"path\":\"taskId\",\"before\":\"999\",\"after\":\"#999\"}]}");
    }

    @Test
    void repairBacksUpFirstFixesTheStoreAndUndoPutsItBackByteForByte() throws Exception {
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        byte[] original = Files.readAllBytes(store);
        String backups = dir.resolve("backups").toString();

        CliRun repair = CliRun.of("repair", store.toString(), "--check", "repo-name-variant", "--check", "task-id-form", "--backup-dir", backups);

        assertThat(repair.exitCode()).isZero();
        assertThat(repair.out()).contains("records to change:", "55", "undo with: sessiondb undo");
        // what each fix did, as the window's History tells it too
        assertThat(CliRun.of("history", "--backup-dir", backups).out())
                .contains("records to change: 55, records to change by repo-name-variant: 50, records to change by task-id-form: 5,");
        assertThat(CliRun.of("validate", store.toString(), "--check", "repo-name-variant", "--check", "task-id-form").exitCode()).isZero();
        assertThat(CliRun.of("diff", Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("original"))).toString(),
                store.toString(), "--format", "json").out()).contains("\"identical\": 162");

        CliRun undo = CliRun.of("undo", "--backup-dir", backups);

        assertThat(undo.exitCode()).isZero();
        assertThat(Files.readAllBytes(store)).isEqualTo(original);
    }

    /** The audit: repair --workspaces of a missing folder said "0 workspaces to register" as if there were none. */
    @Test
    void aMissingWorkspacesFolderIsBadInputAndNothingIsWritten() throws Exception {
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        byte[] original = Files.readAllBytes(store);

        CliRun run = CliRun.of("repair", store.toString(), "--workspaces", dir.resolve("nonexistent").toString(), "--check", "workspace-unregistered",
                "--backup-dir", dir.resolve("backups").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sessiondb repair: --workspaces " + dir.resolve("nonexistent") + " does not exist; name a Minsky state directory");
        assertThat(Files.readAllBytes(store)).isEqualTo(original);
    }

    @Test
    void unregisteredWorkspacesAreRegisteredFromGitAndNothingElseIsTouched() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, state);
        GitRepos.create(state.resolve("sessions/task#321"), "git@github.com:edobry/minsky.git", "task#321", "2025-09-09T09:09:09Z");

        CliRun run = CliRun.of("repair", store.toString(), "--check", "workspace-unregistered", "--backup-dir", dir.resolve("backups").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("workspaces to register:", "1");
        JsonNode registered = JsonCodec.parse(CliRun.of("show", store.toString(), "task#321", "--format", "json").out());
        assertThat(registered.path("repoName").asText()).isEqualTo("edobry/minsky");
        assertThat(registered.path("branch").asText()).isEqualTo("task#321");
        assertThat(registered.path("createdAt").asText()).isEqualTo("2025-09-09T09:09:09.000Z");
        assertThat(CliRun.of("validate", store.toString(), "--check", "workspace-unregistered").exitCode()).isZero();
    }

    /**
     * The audit: an older layout's folder with a commit but no remote was registered without a repoUrl, which the next
     * validate's required-field flagged. Its record is left to a person, and the repair says which field to add.
     */
    @Test
    void aWorkspaceWithoutARemoteIsLeftToAPersonSoValidateFlagsNothingRepairWrote() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, state);
        GitRepos.createWithoutRemote(state.resolve("git/local-minsky/sessions/task#500"), "task#500", "2026-01-05T10:00:00Z");

        CliRun run = CliRun.of("repair", store.toString(), "--check", "workspace-unregistered", "--backup-dir", dir.resolve("backups").toString());

        assertThat(run.exitCode()).isEqualTo(SessionDbCommand.FOUND);
        assertThat(run.out()).contains("1 workspace-unregistered finding needs a person").doesNotContain("add task#500");
        assertThat(CliRun.of("validate", store.toString(), "--check", "workspace-unregistered").out())
                .contains("add its record by hand with its repoUrl (its repoName is 'local/minsky')");
        assertThat(StoreContents.records("json:" + store)).noneMatch(record -> record.key().equals("task#500"));
    }

    /** Repair then validate: nothing repair fixed is flagged again, its registrations included, spelled as the run renames the store's records to. */
    @Test
    void aFullRepairLeavesNothingForValidateToFlagOfWhatItFixed() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, state);
        // its remote spells the repository local/Minsky: a variant of the store's own spelling
        GitRepos.create(state.resolve("git/local-minsky/sessions/task#501"), "/Users/me/Projects/Minsky", "task#501", "2026-01-05T10:00:00Z");
        GitRepos.createWithoutRemote(state.resolve("git/local-minsky/sessions/task#500"), "task#500", "2026-01-05T10:00:00Z");
        JsonNode changes = JsonCodec.parse(CliRun.of("repair", store.toString(), "--dry-run", "--format", "json").out()).path("changes");
        List<String> fixed = new ArrayList<>();
        changes.forEach(change -> change.path("checks").forEach(check -> fixed.add(change.path("session").asText() + " " + check.asText())));
        assertThat(fixed).contains("task#501 workspace-unregistered").anyMatch(line -> line.endsWith(" repo-name-variant"));

        assertThat(CliRun.of("repair", store.toString(), "--backup-dir", dir.resolve("backups").toString()).exitCode())
                .as("the fixture's duplicates and missing workspaces are left for a person").isEqualTo(SessionDbCommand.FOUND);

        JsonNode findings = JsonCodec.parse(CliRun.of("validate", store.toString(), "--format", "json").out()).path("findings");
        List<String> flagged = new ArrayList<>();
        findings.forEach(finding -> flagged.add(finding.path("session").asText() + " " + finding.path("check").asText()));
        assertThat(flagged).doesNotContainAnyElementsOf(fixed).noneMatch(line -> line.startsWith("task#501 ") || line.endsWith(" repo-name-variant"));
        assertThat(JsonCodec.parse(CliRun.of("show", store.toString(), "task#501", "--format", "json").out()).path("repoName").asText())
                .isEqualTo("local/minsky");
    }

    /** A pass over the CLI found a misspelt check reported as a repair that stopped while planning, with advice about its write. */
    @Test
    void anUnknownCheckIsBadInputSaidAsValidateSaysIt() {
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        for (String planOrRun : new String[] {"--dry-run", "--format=table"}) {
            CliRun run = CliRun.of("repair", store.toString(), "--check", "task-id", planOrRun, "--backup-dir", dir.resolve("backups").toString());

            assertThat(run.exitCode()).as(planOrRun).isEqualTo(2);
            assertThat(run.err().lines()).as(planOrRun).containsExactly("sessiondb: unknown check 'task-id'; use one of " + String.join(", ", Checks.NAMES));
        }
    }

    /** A store that is not there is named as such, not as a folder the user cannot write to (SQLite cannot open a missing file). */
    @Test
    void aStoreThatIsNotThereIsSaidToBeMissing() {
        String missing = "sqlite:" + dir.resolve("missing.db");

        CliRun run = CliRun.of("repair", missing, "--backup-dir", dir.resolve("backups").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(missing + ": no such store; check the path or URL").doesNotContain("permission denied");
        assertThat(dir.resolve("missing.db")).doesNotExist();
    }

    @Test
    void nothingToRepairTakesNoBackup() throws Exception {
        Path store = dir.resolve("clean.json");
        Files.writeString(store, "[{\"session\":\"a\",\"repoName\":\"local/minsky\",\"repoUrl\":\"/r\",\"createdAt\":\"2025-05-16T22:16:33.321Z\"}]");

        CliRun run = CliRun.of("repair", store.toString(), "--backup-dir", dir.resolve("backups").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(dir.resolve("backups/backups")).doesNotExist();
    }

    @Test
    void aTokenKeptInARecordIsRemovedAndNeverPrinted() throws Exception {
        Path store = dir.resolve("tokens.json");
        Files.writeString(store, "[{\"session\":\"a\",\"repoName\":\"local/minsky\",\"repoUrl\":\"/r\",\"createdAt\":\"2025-05-16T22:16:33.321Z\","
                + "\"github\":{\"owner\":\"edobry\",\"repo\":\"minsky\",\"token\":\"ghp_abcdefghijklmnopqrstuvwxyz123456\"}}]");

        CliRun dryRun = CliRun.of("repair", store.toString(), "--dry-run");
        CliRun run = CliRun.of("repair", store.toString(), "--backup-dir", dir.resolve("backups").toString(), "--format", "json");

        assertThat(dryRun.out()).contains("change a (secret-in-record)", "    github.token: removed (a secret)").doesNotContain("ghp_");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("ghp_");
        assertThat(Files.readString(store)).doesNotContain("ghp_").contains("\"owner\": \"edobry\"");
    }

    /**
     * A repair writes the record as read plus the edits the checks ask for, never the masked form shown: a repair of
     * other checks leaves a secret whole, and secret-in-record's own repair writes no mask either (the audit found
     * "password=****" and "****ghij" written into notes and prBranch): a secret inside text or a branch needs a person.
     */
    @Test
    void noRepairWritesTheMaskIntoTheStore() throws Exception {
        String token = "ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij";
        List<SessionRecord> records = new ArrayList<>();
        for (SessionRecord record : Fixtures.minskyRecords()) {
            records.add(record.key().equals("test-with-task") ? record.with("notes", "password=hunter2").with("prBranch", token) : record);
        }
        Path store = dir.resolve("planted.json");
        StoreContents.create("json:" + store, records);
        String backups = dir.resolve("backups").toString();

        assertThat(CliRun.of("repair", store.toString(), "--check", "task-id-form", "--check", "repo-name-variant", "--backup-dir", backups)
                .exitCode()).isZero();
        SessionRecord afterOtherChecks = StoreContents.records("json:" + store).stream().filter(r -> r.key().equals("test-with-task")).findFirst().orElseThrow();
        assertThat(afterOtherChecks.taskId()).contains("#143");
        assertThat(afterOtherChecks.field("notes").orElseThrow().asText()).isEqualTo("password=hunter2");
        assertThat(afterOtherChecks.field("prBranch").orElseThrow().asText()).isEqualTo(token);
        String before = Files.readString(store);

        CliRun dryRun = CliRun.of("repair", store.toString(), "--check", "secret-in-record", "--dry-run");
        assertThat(dryRun.out()).contains("0 records to change", "2 secret-in-record findings need a person").doesNotContain("hunter2", token);
        assertThat(CliRun.of("repair", store.toString(), "--check", "secret-in-record", "--backup-dir", backups).exitCode()).isEqualTo(SessionDbCommand.FOUND);
        assertThat(Files.readString(store)).isEqualTo(before).doesNotContain("****");
    }
}
