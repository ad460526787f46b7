package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.JsonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input a new user gives by mistake, met as an audit met it through the command line: each is refused with exit 2 and a
 * message naming the file and what to do about it, never read as something else.
 */
class MisshapedInputTest {

    @TempDir
    Path dir;

    /** An audit saved one session as an object (as {@code show --format json} prints it): the advice was only "fix it". */
    @Test
    void aFileHoldingOneSessionObjectSaysToPutItInAnArray() throws IOException {
        Path file = dir.resolve("one.json");
        Files.writeString(file, "{\n  \"session\": \"task#079\",\n  \"repoName\": \"local/minsky\"\n}\n");
        byte[] before = Files.readAllBytes(file);

        CliRun run = CliRun.of("ls", file.toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        JsonNode failure = JsonCodec.MAPPER.readTree(run.err());
        assertThat(failure.path("store").asText()).isEqualTo(file.toString());
        assertThat(failure.path("error").asText()).contains("the top level is one session object, not an array of sessions");
        assertThat(failure.path("todo").asText()).startsWith("put [ before it and ] after it to make a store of that one session");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    /** One session a line, as a script appending to a file writes them. */
    @Test
    void aFileOfOneSessionALineSaysToPutThemInOneArray() throws IOException {
        Path file = dir.resolve("sessions.json");
        Files.writeString(file, "{\"session\": \"a\", \"repoName\": \"r\"}\n{\"session\": \"b\", \"repoName\": \"r\"}\n");

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("sessiondb: " + file + ": the file holds one session object after another (JSON Lines), not an array of"
                + " sessions; put them in one array: [ before the first, a comma after each but the last, ] after the last at line 1, column 1;"
                + " the file was not changed; fix it or restore a backup\n");
    }
}
