package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit: {@code ls} of a file with a field named twice in its second record printed the table's header and the first
 * row, then failed naming no record. The error names the record; a table begun says it is cut short, and a listing that
 * fails before its first session prints nothing.
 */
class ListCommandFailureTest {

    @TempDir
    Path dir;

    @Test
    void aFieldNamedTwiceNamesTheRecordAndTheTableSaysItStopped() throws IOException {
        Path file = dir.resolve("dup.json");
        Files.writeString(file, "[\n {\"session\": \"dup-1\"},\n {\"session\": \"dup-2\", \"repoName\": \"a\", \"repoName\": \"b\"}\n]\n");

        CliRun run = CliRun.of("ls", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(file + ": record 2 (line 3): field 'repoName' appears twice in one object at line 3");
        assertThat(run.out()).contains("dup-1").endsWith("(listing stopped after 1 session by the error below: not the whole store)\n")
                .doesNotContain("1 session\n");
    }

    @Test
    void aListingFailingBeforeItsFirstSessionPrintsNothing() throws IOException {
        Path file = dir.resolve("dup.json");
        Files.writeString(file, "[\n {\"session\": \"dup-1\", \"repoName\": \"a\", \"repoName\": \"b\"}\n]\n");

        for (String format : new String[] {"table", "json", "csv"}) {
            CliRun run = CliRun.of("ls", file.toString(), "--format", format);

            assertThat(run.exitCode()).as(format).isEqualTo(2);
            assertThat(run.err()).as(format).contains(file + ": record 1 (line 2): field 'repoName' appears twice in one object");
            assertThat(run.out()).as(format + ": no header a script could take for an empty store").isEmpty();
        }
    }
}
