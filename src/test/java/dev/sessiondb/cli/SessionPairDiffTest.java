package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.sample.SampleSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * diff compared only whole stores on the command line: validation's "task#027 collides with 027" left a user no way but the
 * window to see how the two copies differ, and a script none to compare one session across two stores.
 */
class SessionPairDiffTest {

    private static final String TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz123456";

    @TempDir
    Path dir;

    @Test
    void twoCopiesOfOneTaskInOneStoreAreComparedFieldByField() {
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun run = CliRun.of("diff", store.toString(), store.toString(), "--session", "task#027", "--session-b", "027");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).startsWith("A: json:" + store + ", session task#027\nB: json:" + store + ", session 027\n\nChanged fields (6)\n")
                .contains("  session: \"task#027\" -> \"027\"\n", "  taskId: \"#027\" -> (absent)\n", "  branch: \"task#027\" -> \"027\"\n");
    }

    @Test
    void oneSessionOfTwoStoresIsFoundByItsTaskIdAndItsSecretsMasked() throws Exception {
        Path original = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("a")));
        ArrayNode records = (ArrayNode) JsonCodec.parse(Files.readString(original));
        for (JsonNode record : records) {
            if (record.path("session").asText().equals("task#008")) {
                ((ObjectNode) record).put("branch", "renamed").putObject("github").put("token", TOKEN);
            }
        }
        Path changed = Files.writeString(dir.resolve("changed.json"), JsonCodec.pretty(records));

        CliRun run = CliRun.of("diff", original.toString(), changed.toString(), "--session", "#008", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode out = JsonCodec.parse(run.out());
        assertThat(out.path("a").path("session").asText()).isEqualTo("task#008");
        assertThat(out.path("identical").asBoolean()).isFalse();
        assertThat(out.path("fields")).extracting(field -> field.path("path").asText()).containsExactly("branch", "github");
        assertThat(run.out()).doesNotContain(TOKEN).contains("****3456");
    }

    @Test
    void theSameSessionInTwoStoresThatHoldItAlikeIsIdentical() {
        Path a = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path b = Fixtures.copy(Fixtures.MINSKY_BACKUP, dir);

        CliRun run = CliRun.of("diff", a.toString(), b.toString(), "--session", "task#002");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("\nIdentical: the two sessions hold the same fields\n");
    }

    /**
     * A Minsky session against a chat server's listed every field as changed and said nothing of it, where a diff of the two
     * stores says first that no session can be the same in both; it now says so of the two sessions, in text and in JSON.
     */
    @Test
    void twoSessionsOfDifferentToolsAreSaidToBeSoFirst() throws Exception {
        Path minsky = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        String chat = StoreContents.create("sqlite:" + dir.resolve("chat.db"), List.of(SampleSessions.chatRecord(1))).display();
        String apart = "A is Minsky's session, B a chat server's: they cannot be the same session.";

        CliRun table = CliRun.of("diff", minsky.toString(), chat, "--session", "task#002", "--session-b", "chat-000001");
        CliRun json = CliRun.of("diff", minsky.toString(), chat, "--session", "task#002", "--session-b", "chat-000001", "--format", "json");

        assertThat(table.exitCode()).as(table.err()).isEqualTo(1);
        assertThat(table.out()).startsWith("A: json:" + minsky + ", session task#002\nB: " + chat + ", session chat-000001\n\n" + apart
                + "\n\nChanged fields (");
        assertThat(json.exitCode()).as(json.err()).isEqualTo(1);
        assertThat(JsonCodec.parse(json.out()).path("differentKinds").asText()).isEqualTo(apart);
    }

    @Test
    void twoSessionsOfOneToolSayNothingOfKinds() throws Exception {
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun table = CliRun.of("diff", store.toString(), store.toString(), "--session", "task#027", "--session-b", "027");
        CliRun json = CliRun.of("diff", store.toString(), store.toString(), "--session", "task#027", "--session-b", "027", "--format", "json");

        assertThat(table.out()).doesNotContain("cannot be the same session");
        assertThat(JsonCodec.parse(json.out()).has("differentKinds")).isFalse();
    }

    @Test
    void oneSessionNamedOnBothSidesOrBsWithoutAsIsRefused() {
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun same = CliRun.of("diff", store.toString(), store.toString(), "--session", "task#002");
        CliRun onlyB = CliRun.of("diff", store.toString(), store.toString(), "--session-b", "027");

        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.err()).contains("A and B name the same session, task#002 of json:" + store);
        assertThat(onlyB.exitCode()).isEqualTo(2);
        assertThat(onlyB.err()).contains("--session-b 027 names B's session of a pair: give A's with --session too");
    }
}
