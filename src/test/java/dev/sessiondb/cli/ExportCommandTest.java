package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.model.JsonCodec;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    private static final String CONVERSATION = "7f3c2a9e-5b1d-4c8e-9a60-2d4f8b1e0c37";

    @TempDir
    Path dir;

    private Path magellai() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("magellai"));
        for (String file : new String[] {CONVERSATION + ".json", "20250601-quick-question.json"}) {
            try (InputStream in = getClass().getResourceAsStream("/fixtures/magellai/" + file)) {
                Files.copy(in, copy.resolve(file));
            }
        }
        return copy;
    }

    @Test
    void aSessionExportsAsItsWholeRecordInJson() throws Exception {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        CliRun run = CliRun.of("export", "json:" + fixture, "task#011", "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(JsonCodec.parse(run.out()).path("session").asText()).isEqualTo("task#011");
    }

    @Test
    void aSessionIsFoundByItsTaskIdInAnyFormAsShowFindsIt() throws Exception {
        Path fixture = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);

        for (String wanted : new String[] {"#079", "079", "md#079"}) {
            CliRun run = CliRun.of("export", "json:" + fixture, wanted);

            assertThat(run.exitCode()).as(wanted).isZero();
            assertThat(JsonCodec.parse(run.out()).path("session").asText()).as(wanted).isEqualTo("task#079");
        }
    }

    @Test
    void aConversationExportsAsAMarkdownTranscriptToAFile() throws Exception {
        Path transcript = dir.resolve("out/transcript.md");
        Files.createDirectories(transcript.getParent());

        CliRun run = CliRun.of("export", "jsondir:" + magellai(), CONVERSATION, "--format", "markdown", "--output", transcript.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("(secrets masked)");
        String markdown = Files.readString(transcript);
        assertThat(markdown).startsWith("# ").contains("## User", "## Assistant", "- **Session:** " + CONVERSATION);
    }

    @Test
    void aSessionWithoutConversationOrAnUnknownSessionIsAOneLineError() throws Exception {
        Path store = magellai();

        CliRun empty = CliRun.of("export", "jsondir:" + store, "20250601-quick-question", "--format", "markdown");
        CliRun missing = CliRun.of("export", "jsondir:" + store, "no-such-session");
        CliRun badFormat = CliRun.of("export", "jsondir:" + store, CONVERSATION, "--format", "pdf");

        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("has no conversation to write as a transcript; export it as JSON instead").doesNotContain("\tat ");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no session 'no-such-session'");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).contains("'pdf' is not a format; use json or markdown");
    }
}
