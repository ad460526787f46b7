package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.store.sql.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A script that asked for {@code --format json} meets a failure as one JSON object on stderr, the
 * human line's words in {@code error} and the exit code beside it, and nothing on stdout to take for data.
 */
class JsonErrorsTest {

    @TempDir
    Path dir;

    /** Every command that prints JSON when asked: the output formats' commands and export's. */
    static Stream<String> commandsTakingFormatJson() {
        return SessionDbCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).getSubcommands()
                .entrySet().stream().filter(command -> command.getValue().getCommandSpec().findOption("--format") != null).map(Map.Entry::getKey);
    }

    @Test
    void everyCommandThatPrintsJsonIsCovered() {
        assertThat(commandsTakingFormatJson()).contains("info", "ls", "show", "diff", "validate", "migrate", "consolidate",
                "undo", "history", "discover", "repair", "export", "upgrade");
    }

    @ParameterizedTest
    @MethodSource("commandsTakingFormatJson")
    void anUnknownOptionIsAJsonErrorNamingTheCommandAndItsHelp(String command) {
        CliRun run = CliRun.of(command, "--format", "json", "--no-such-option");

        JsonNode error = onlyError(run, SessionDbCommand.BAD_INPUT);
        // picocli names what is missing first, when the command needs a store or a session
        assertThat(error.path("error").asText()).matches("Unknown option: '--no-such-option'|Missing required .*");
        assertThat(error.path("command").asText()).isEqualTo(command);
        assertThat(error.path("todo").asText()).isEqualTo("see sessiondb " + command + " --help");
    }

    @Test
    void aMissingArgumentIsAJsonErrorToo() {
        JsonNode error = onlyError(CliRun.of("diff", "--format=json", dir.resolve("a.json").toString()), SessionDbCommand.BAD_INPUT);

        assertThat(error.path("error").asText()).isEqualTo("Missing required parameter: 'B'");
        assertThat(error.path("command").asText()).isEqualTo("diff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ls", "info", "show", "diff", "validate", "migrate", "consolidate", "repair", "export", "upgrade"})
    void aStoreThatIsNotThereIsAJsonErrorNamingItAndWhatToDo(String command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(readingAMissingStore(command));
        args.addAll(List.of("--format", "json"));

        JsonNode error = onlyError(CliRun.of(args.toArray(String[]::new)), SessionDbCommand.BAD_INPUT);

        assertThat(error.path("error").asText()).containsPattern("missing.json: no such (file|store)");
        assertThat(error.path("store").asText()).endsWith("missing.json");
        assertThat(error.path("todo").asText()).isNotEmpty();
        assertThat(error.path("command").asText()).isEqualTo(command);
    }

    /** The command's arguments with the store it reads missing. */
    private List<String> readingAMissingStore(String command) {
        String missing = dir.resolve("missing.json").toString();
        String backups = dir.resolve("backups").toString();
        return switch (command) {
            case "show", "export" -> List.of(missing, "some-session");
            case "diff" -> List.of(Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString(), missing);
            case "migrate" -> List.of(missing, dir.resolve("new.db").toString(), "--backup-dir", backups);
            case "consolidate" -> List.of(missing, Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString(), "--into", dir.resolve("all.db").toString(),
                    "--backup-dir", backups);
            case "repair", "upgrade" -> List.of(missing, "--backup-dir", backups);
            default -> List.of(missing);
        };
    }

    @Test
    void anUnknownOptionBeforeAnyCommandIsAJsonErrorWithoutOne() {
        JsonNode error = onlyError(CliRun.of("--format", "json"), SessionDbCommand.BAD_INPUT);

        assertThat(error.has("command")).isFalse();
        assertThat(error.path("todo").asText()).isEqualTo("see sessiondb --help");
    }

    @Test
    void aFileThatIsNotValidJsonIsNamedWithItsLineAndColumn() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "[{\"session\": \"a\",\n");

        JsonNode error = onlyError(CliRun.of("ls", "--format", "json", broken.toString()), SessionDbCommand.BAD_INPUT);

        assertThat(error.path("store").asText()).isEqualTo(broken.toString());
        assertThat(error.path("line").asInt()).isEqualTo(2);
        assertThat(error.path("column").asInt()).isEqualTo(1);
        assertThat(error.path("todo").asText()).isEqualTo("the file was not changed; fix it or restore a backup");
    }

    @Test
    void aSessionNotFoundIsNamed() {
        String store = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString();

        JsonNode error = onlyError(CliRun.of("show", "--format", "json", store, "no-such-session"), SessionDbCommand.BAD_INPUT);

        assertThat(error.path("session").asText()).isEqualTo("no-such-session");
        // the store named: a bare 'sessiondb ls' would list the default store instead
        assertThat(error.path("todo").asText()).isEqualTo("run 'sessiondb ls json:" + store + "' to see its sessions");
    }

    @Test
    void aRefusedPlanPrintsThePlanOnStdoutAndWhyOnStderr() throws Exception {
        String source = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString();
        Path target = Files.writeString(dir.resolve("target.json"), "[{\"session\": \"other\"}]");

        CliRun run = CliRun.of("migrate", source, target.toString(), "--dry-run", "--format", "json");

        JsonNode error = onlyError(run, SessionDbCommand.BAD_INPUT, true);
        assertThat(JsonCodec.parse(run.out()).path("refusal").asText()).isEqualTo(error.path("error").asText());
        assertThat(error.path("todo").asText()).startsWith("pass --mode replace or --mode merge");
    }

    @Test
    void aWrongPasswordIsAJsonErrorWithThePasswordMasked() {
        TestPostgres postgres = TestPostgres.get();
        String url = "postgresql://" + TestPostgres.PASSWORD_USER + ":not-" + TestPostgres.PASSWORD + "@" + postgres.host() + ":" + postgres.port()
                + "/" + postgres.database();

        CliRun run = CliRun.of("ls", url, "--format", "json");

        JsonNode error = onlyError(run, SessionDbCommand.BAD_INPUT);
        assertThat(run.err()).doesNotContain("not-" + TestPostgres.PASSWORD);
        assertThat(error.path("store").asText()).contains(TestPostgres.PASSWORD_USER + ":****@");
        assertThat(error.path("error").asText()).contains("password");
    }

    @Test
    void debugPutsTheTraceInTheObjectStillOneLine() {
        JsonNode error = onlyError(CliRun.of("ls", dir.resolve("missing.json").toString(), "--format", "json", "--debug"), SessionDbCommand.BAD_INPUT);

        assertThat(error.path("trace").asText()).contains("StoreException", "\tat ");
    }

    @Test
    void withoutFormatJsonTheFailureIsTheOneLineItWas() {
        Path missing = dir.resolve("missing.json");

        CliRun run = CliRun.of("ls", missing.toString());

        assertThat(run.exitCode()).isEqualTo(SessionDbCommand.BAD_INPUT);
        assertThat(run.err()).isEqualTo("sessiondb: " + missing + ": no such file; give the path of an existing session-db.json" + System.lineSeparator());
    }

    private static JsonNode onlyError(CliRun run, int exitCode) {
        return onlyError(run, exitCode, false);
    }

    /** The run's stderr as the one JSON object it must be; stdout empty unless the command printed its (refused) result. */
    private static JsonNode onlyError(CliRun run, int exitCode, boolean resultOnStdout) {
        assertThat(run.exitCode()).isEqualTo(exitCode);
        if (!resultOnStdout) {
            assertThat(run.out()).isEmpty();
        }
        assertThat(run.err().lines()).as(run.err()).hasSize(1);
        JsonNode error;
        try {
            error = JsonCodec.parse(run.err());
        } catch (Exception e) {
            throw new AssertionError("stderr is not JSON: " + run.err(), e);
        }
        assertThat(error.isObject()).isTrue();
        assertThat(error.path("exitCode").asInt()).isEqualTo(exitCode);
        assertThat(error.path("error").asText()).isNotBlank();
        return error;
    }
}
