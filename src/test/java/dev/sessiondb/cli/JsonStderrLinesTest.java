package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.catalog.Catalog;
import dev.sessiondb.model.JsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit: with {@code --format json}, a warning or a note printed as text before the failure's JSON object broke a
 * script that parses stderr as JSON. Every line of stderr is now one JSON object, the failure's the last.
 */
class JsonStderrLinesTest {

    @TempDir
    Path dir;

    @Test
    void aNoteBeforeAFailureIsAJsonLineAndTheFailureIsTheLastLine() throws Exception {
        Path cut = Files.writeString(dir.resolve("cut.json"), "[{\"session\":\"a\",\"repoName\":\"r\"}, {\"session\":");

        CliRun run = CliRun.of("migrate", "json:" + cut, "json:" + dir.resolve("o.json"), "--skip-unreadable",
                "--backup-dir", dir.resolve("journal").toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(2);
        List<JsonNode> lines = jsonLines(run);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("note").asText()).startsWith("--skip-unreadable leaves out a folder (jsondir:) source's files").endsWith("json:" + cut + " is read whole");
        assertThat(lines.get(0).path("command").asText()).isEqualTo("migrate");
        assertThat(lines.get(1).path("error").asText()).contains("not valid JSON at line 1");
        assertThat(lines.get(1).path("exitCode").asInt()).isEqualTo(2);
    }

    @Test
    void aCatalogThatCannotBeWrittenIsAJsonWarningBesideTheJobsReport() throws Exception {
        Path journal = Files.createDirectories(dir.resolve("journal").resolve(Catalog.FILE_NAME)).getParent();

        CliRun migrate = CliRun.of("migrate", Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString(), "json:" + dir.resolve("other.json"),
                "--backup-dir", journal.toString(), "--format", "json");

        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(JsonCodec.parse(migrate.out()).isObject()).as(migrate.out()).isTrue();
        assertThat(jsonLines(migrate)).singleElement().satisfies(warning -> {
            assertThat(warning.path("warning").asText()).startsWith("the job history was not recorded: the catalog "
                    + journal.resolve(Catalog.FILE_NAME) + " is a folder");
            assertThat(warning.path("command").asText()).isEqualTo("migrate");
        });
    }

    @Test
    void aDamagedRecordLsListedIsAJsonWarningNamingTheStoreSessionAndWhatToDo() throws Exception {
        Path json = Files.writeString(dir.resolve("two.json"), "[{\"session\": \"a\", \"repoName\": \"r\"}, {\"session\": \"b\", \"repoName\": \"r\"}]");
        Path db = dir.resolve("store.db");
        assertThat(CliRun.of("migrate", "json:" + json, "sqlite:" + db, "--backup-dir", dir.resolve("journal").toString()).exitCode()).isZero();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE sessions SET record = '{\"session\": \"b\", ' WHERE session_key = 'b'");
        }

        CliRun run = CliRun.of("ls", "sqlite:" + db, "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(JsonCodec.parse(run.out()).findValuesAsText("session")).containsExactly("a", "b");
        assertThat(jsonLines(run)).singleElement().satisfies(warning -> {
            assertThat(warning.path("warning").asText()).startsWith("sqlite:" + db + ": session 'b' holds a damaged record (");
            assertThat(warning.path("store").asText()).isEqualTo("sqlite:" + db);
            assertThat(warning.path("session").asText()).isEqualTo("b");
            assertThat(warning.path("todo").asText()).contains("DELETE FROM sessions WHERE session_key = 'b'");
        });
    }

    @Test
    void notesOfDiffAndExportAreJsonLines() throws Exception {
        Path store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path other = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectories(dir.resolve("other")));
        Path exported = dir.resolve("one.json");

        CliRun diff = CliRun.of("diff", store.toString(), other.toString(), "--ignore", "reponame", "--format", "json");
        CliRun export = CliRun.of("export", store.toString(), "task#011", "--output", exported.toString(), "--format", "json",
                "--backup-dir", dir.resolve("journal").toString());

        assertThat(jsonLines(diff)).first().satisfies(note -> assertThat(note.path("note").asText()).startsWith("--ignore reponame names no field"));
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(jsonLines(export)).singleElement().satisfies(note -> assertThat(note.path("note").asText()).startsWith("Exported session '"));
        assertThat(exported).exists();
    }

    /** Each line of the run's stderr as the JSON object it must be. */
    private static List<JsonNode> jsonLines(CliRun run) throws JsonProcessingException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.err().lines().toList()) {
            lines.add(JsonCodec.parse(line));
        }
        assertThat(lines).as(run.err()).allSatisfy(line -> assertThat(line.isObject()).isTrue());
        return lines;
    }
}
