package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit's record: a token in the session's own name, a URL with a password, a token inside a branch name, two fields
 * that are secrets by their names. Repair turned it into two records (the original, every secret whole, and a copy
 * named "****9999") and wrote mask text into values. A repair keeps one record under its own key, takes out what it can
 * take out whole, writes no mask anywhere, and leaves the rest to a person with a finding that says what to do.
 */
class SecretRepairTest {

    private static final String SESSION = "ghp_SESSIONNAMETOKENabcdefghijklmnop9999";
    private static final String RECORD = "[{\"session\":\"" + SESSION + "\",\"repoName\":\"r\",\"repoUrl\":\"https://user:pa55word@host/x.git\","
            + "\"createdAt\":\"2025-05-16T22:16:33.321Z\",\"taskId\":\"#1\",\"branch\":\"feature/sk-ABCDEFGHIJKLMNOPQRSTUV7777\","
            + "\"client_secret\":\"cs_val_abcdef123456\",\"Password\":\"UpperPass1\"},"
            + "{\"session\":\"plain\",\"repoName\":\"x/y\",\"repoUrl\":\"https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/x/y.git\","
            + "\"createdAt\":\"2025-05-16T22:16:33.321Z\",\"taskId\":\"#2\",\"glab\":\"glpat-ABCDEFGHIJKLMNOPQRST\"}]";

    @TempDir
    Path dir;

    @Test
    void aJsonStoreKeepsOneRecordUnderItsKeyWithNoSecretLeftWhereOneCanBeTakenOut() throws Exception {
        Path file = dir.resolve("rep.json");
        Files.writeString(file, RECORD);
        repairsTheAuditedRecords("json:" + file);
        assertThat(Files.readString(file)).doesNotContain("****", "pa55word", "UpperPass1", "cs_val_", "glpat-", "user@");
    }

    @Test
    void aNativeSqliteStoreKeepsOneRecordUnderItsKeyWithNoSecretLeftWhereOneCanBeTakenOut() throws Exception {
        Path json = dir.resolve("sec2.json");
        Files.writeString(json, RECORD);
        String sqlite = "sqlite:" + dir.resolve("k.db");
        assertThat(CliRun.of("migrate", "json:" + json, sqlite, "--backup-dir", dir.resolve("backups").toString()).exitCode()).isZero();
        repairsTheAuditedRecords(sqlite);
    }

    private void repairsTheAuditedRecords(String store) throws Exception {
        String backups = dir.resolve("backups").toString();
        CliRun dryRun = CliRun.of("repair", store, "--check", "secret-in-record", "--dry-run");
        assertThat(dryRun.out()).contains("change ****9999 (secret-in-record)", "    repoUrl: \"https://user:****@host/x.git\" -> \"https://host/x.git\"",
                        "    client_secret: removed (a secret)", "    Password: removed (a secret)", "    glab: removed (a secret)",
                        "2 records to change", "2 secret-in-record findings need a person")
                .doesNotContain("session: ", "branch: ", "pa55word", "UpperPass1", SESSION);

        JsonNode jsonDryRun = JsonCodec.parse(CliRun.of("repair", store, "--check", "secret-in-record", "--dry-run", "--format", "json").out());
        assertThat(jsonDryRun.path("changes").get(0).path("fields").findValuesAsText("note")).containsExactly("removed (a secret)", "removed (a secret)");

        CliRun run = CliRun.of("repair", store, "--check", "secret-in-record", "--backup-dir", backups);
        assertThat(run.exitCode()).as("two findings need a person").isEqualTo(SessionDbCommand.FOUND);
        assertThat(run.out()).contains("2 secret-in-record findings need a person").doesNotContain(SESSION);

        List<SessionRecord> records = StoreContents.records(store);
        assertThat(records).extracting(SessionRecord::key).containsExactly(SESSION, "plain");
        SessionRecord audited = records.get(0);
        assertThat(audited.has("client_secret")).isFalse();
        assertThat(audited.has("Password")).isFalse();
        assertThat(audited.field("repoUrl").orElseThrow().asText()).isEqualTo("https://host/x.git");
        assertThat(audited.field("branch").orElseThrow().asText()).as("a branch names the work in git: left to a person")
                .isEqualTo("feature/sk-ABCDEFGHIJKLMNOPQRSTUV7777");
        assertThat(audited.taskId()).contains("#1");
        SessionRecord plain = records.get(1);
        assertThat(plain.field("repoUrl").orElseThrow().asText()).isEqualTo("https://github.com/x/y.git");
        assertThat(plain.has("glab")).isFalse();
        assertThat(storedTexts(records)).noneMatch(text -> text.contains("****"));

        CliRun validate = CliRun.of("validate", store, "--check", "secret-in-record");
        assertThat(validate.out()).contains("a secret is stored in session", "give the session a new name in Minsky",
                "a secret is stored in branch", "rename it by hand").doesNotContain("repoUrl", "Password", "client_secret", "glab", SESSION);
        assertThat(CliRun.of("repair", store, "--check", "secret-in-record", "--dry-run").out()).contains("0 records to change");
    }

    private static List<String> storedTexts(List<SessionRecord> records) {
        List<String> texts = new ArrayList<>();
        for (SessionRecord record : records) {
            record.fields().forEach(value -> collect(value, texts));
        }
        return texts;
    }

    private static void collect(JsonNode value, List<String> texts) {
        if (value.isTextual()) {
            texts.add(value.asText());
        }
        value.forEach(child -> collect(child, texts));
    }
}
