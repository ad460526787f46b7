package dev.sessiondb.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.cli.CliRun;
import dev.sessiondb.model.JsonCodec;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** magellai's one-file-per-session directories: diffed against each other and against a SQLite copy, and validated. */
class MagellaiDiffAndValidationTest {

    private static final List<String> FILES = List.of("20250601-quick-question.json", "7f3c2a9e-5b1d-4c8e-9a60-2d4f8b1e0c37.json",
            "b81e4d02-9c6a-4f3b-8e15-6a2d9c0f7e41.json", "notes.txt");

    @TempDir
    Path dir;

    private Path copyOfFixture(String name) throws Exception {
        Path copy = Files.createDirectories(dir.resolve(name));
        for (String file : FILES) {
            try (InputStream in = getClass().getResourceAsStream("/fixtures/magellai/" + file)) {
                Files.copy(in, copy.resolve(file));
            }
        }
        return copy;
    }

    @Test
    void anEditedMessageDeepInAConversationIsFoundByItsPath() throws Exception {
        Path original = copyOfFixture("a");
        Path edited = copyOfFixture("b");
        Path file = edited.resolve("7f3c2a9e-5b1d-4c8e-9a60-2d4f8b1e0c37.json");
        ObjectNode session = JsonCodec.parseObject(Files.readString(file));
        ((ObjectNode) session.path("conversation").path("messages").get(1)).put("content", "edited");
        Files.writeString(file, JsonCodec.pretty(session));

        CliRun run = CliRun.of("diff", "jsondir:" + original, "jsondir:" + edited, "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(JsonCodec.parse(run.out()).path("changed").toString()).isEqualTo("[{\"session\":\"7f3c2a9e-5b1d-4c8e-9a60-2d4f8b1e0c37\","
                + "\"fields\":[{\"path\":\"conversation.messages[1].content\",\"a\":\"Why does <Ctrl-D> exit without saving & how do I fix it?\",\"b\":\"edited\"}]}]");
        assertThat(JsonCodec.parse(run.out()).path("identical").asInt()).isEqualTo(2);
    }

    @Test
    void aMagellaiDirectoryAndItsSqliteCopyAreIdentical() throws Exception {
        Path original = copyOfFixture("a");
        String sqlite = "sqlite:" + dir.resolve("magellai.db");
        assertThat(CliRun.of("migrate", "jsondir:" + original, sqlite, "--backup-dir", dir.resolve("backups").toString()).exitCode()).isZero();

        CliRun run = CliRun.of("diff", "jsondir:" + original, sqlite, "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(JsonCodec.parse(run.out()).path("identical").asInt()).isEqualTo(3);
    }

    @Test
    void magellaiSessionsWithTheirOwnDateFormAreClean() throws Exception {
        CliRun run = CliRun.of("validate", "jsondir:" + copyOfFixture("a"), "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(JsonCodec.parse(run.out()).path("findings")).isEmpty();
    }
}
