package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user audit: ls said an empty session name was no 'session' field, migrate that a string was "string, not text". */
class EmptySessionNameTest {

    @TempDir
    Path dir;

    @Test
    void listingAndMigratingSayTheSameOfAnEmptySessionName() throws Exception {
        String record = "\"repoName\": \"r\",\n    \"repoUrl\": \"u\",\n    \"createdAt\": \"2025-05-16T22:16:33.321Z\",\n    \"session\": ";
        Path file = Files.writeString(dir.resolve("e2.json"), "[\n  {\n    " + record + "\"a\"\n  },\n  {\n    " + record + "\"\"\n  }\n]\n");
        String expected = "e2.json: record 2 (line 8): 'session' is empty; give the session a name";

        CliRun listed = CliRun.of("ls", file.toString());
        CliRun migrated = CliRun.of("migrate", file.toString(), "json:" + dir.resolve("out.json"));

        assertThat(listed.exitCode()).isEqualTo(2);
        assertThat(listed.err()).contains(expected).doesNotContain("no 'session' field");
        assertThat(migrated.exitCode()).isEqualTo(2);
        assertThat(migrated.err()).contains(expected).doesNotContain("not text");
        assertThat(dir.resolve("out.json")).doesNotExist();
    }
}
