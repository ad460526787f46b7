package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    /**
     * An audit gave {@code sessions.json} that started with a comment, a string or UTF-16 (as Windows PowerShell's {@code >} writes):
     * "neither JSON nor SQLite by its first bytes", though its name says JSON. A file is read as its name says when its first bytes
     * do not tell, so the reader names what is wrong and where, or reads it.
     */
    @Test
    void aFileNamedAsJsonIsReadAsJsonWhenItsFirstBytesDoNotTell() throws IOException {
        Path commented = dir.resolve("commented.json");
        Files.writeString(commented, "// my sessions\n[]\n");
        Path string = dir.resolve("string.json");
        Files.writeString(string, "\"task#079\"\n");
        Path utf16 = dir.resolve("utf16.json");
        Files.writeString(utf16, "\uFEFF[{\"session\": \"a\", \"repoName\": \"r\"}]", StandardCharsets.UTF_16LE);

        CliRun comment = CliRun.of("ls", commented.toString());
        CliRun top = CliRun.of("ls", string.toString());
        CliRun wide = CliRun.of("ls", utf16.toString(), "--format", "csv");

        assertThat(comment.exitCode()).isEqualTo(2);
        assertThat(comment.err()).startsWith("sessiondb: " + commented + ": not valid JSON at line 1, column 1 (");
        assertThat(top.exitCode()).isEqualTo(2);
        assertThat(top.err()).startsWith("sessiondb: " + string + ": the top level is a string, not an array of sessions");
        assertThat(wide.exitCode()).isZero();
        assertThat(wide.out()).contains("a,");
    }

    /** The same for a file named as a SQLite database that is none. */
    @Test
    void aFileNamedAsADatabaseThatIsNoneSaysItIsNoSqliteDatabase() throws IOException {
        Path text = dir.resolve("sessions.db");
        Files.writeString(text, "not a database\n");

        CliRun run = CliRun.of("info", text.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(text + ": not a SQLite database (the file does not start with the SQLite header)");
    }

    /** An audit ran {@code ls --desc} for the newest sessions first: it listed the store's order ascending, exit 0. */
    @Test
    void descendingWithoutASortIsRefusedRatherThanIgnored() throws IOException {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "[{\"session\": \"a\", \"repoName\": \"r\"}, {\"session\": \"b\", \"repoName\": \"r\"}]");

        CliRun run = CliRun.of("ls", file.toString(), "--desc");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("sessiondb ls: --desc reverses the order --sort FIELD gives, and no --sort was given; add one, as in"
                + " --sort createdAt --desc (see sessiondb ls --help)\n");
        assertThat(CliRun.of("ls", file.toString(), "--sort", "session", "--desc", "--format", "csv").out()).containsSubsequence("b,", "a,");
    }

    /** {@code ls --sort -createdAt}, the descending sort other tools spell so, listed the oldest first: the minus was folded away. */
    @Test
    void aSortFieldAfterAMinusSortsDescending() throws IOException {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "[{\"session\": \"a\", \"repoName\": \"r\", \"createdAt\": \"2025-01-01T00:00:00Z\"},"
                + " {\"session\": \"b\", \"repoName\": \"r\", \"createdAt\": \"2025-02-01T00:00:00Z\"}]");

        CliRun minus = CliRun.of("ls", file.toString(), "--sort", "-createdAt", "--format", "csv");

        assertThat(minus.exitCode()).isZero();
        assertThat(minus.out()).containsSubsequence("b,", "a,");
        assertThat(minus.out()).isEqualTo(CliRun.of("ls", file.toString(), "--sort", "createdAt", "--desc", "--format", "csv").out());
    }
}
