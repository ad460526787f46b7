package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** Every command checks {@code --format} in the one place all of them pass, before it touches a store. */
class OutputFormatOptionTest {

    @TempDir
    Path directory;

    static Stream<String> commandsWithAnOutputFormat() {
        return commands().entrySet().stream()
                .filter(command -> formatOption(command.getValue().getCommandSpec()) != null)
                .map(Map.Entry::getKey);
    }

    @Test
    void theCommandsThatPrintResultsAllHaveTheOption() {
        assertThat(commandsWithAnOutputFormat()).contains("info", "ls", "show", "diff", "validate", "migrate", "consolidate",
                "undo", "history", "discover", "repair", "upgrade");
    }

    @ParameterizedTest
    @MethodSource("commandsWithAnOutputFormat")
    void aFormatTheCommandDoesNotPrintIsRefusedInOneLineBeforeItRuns(String name) {
        List<String> offered = offeredFormats(name);
        for (OutputFormat format : OutputFormat.values()) {
            if (offered.contains(format.toString())) {
                continue;
            }
            Path untouched = directory.resolve(name + "-store.json");
            List<String> args = withFormat(name, format.toString(), untouched);

            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(SessionDbCommand.BAD_INPUT);
            assertThat(run.err().strip()).isEqualTo("sessiondb " + name + ": --format " + format + " is not available here; use "
                    + String.join(" or ", offered) + " (see sessiondb " + name + " --help)");
            assertThat(run.out()).isEmpty();
            assertThat(untouched).doesNotExist();
        }
    }

    /** A pass over the CLI found {@code history --format yaml} answered "takes one of table, json, csv", though history refuses csv. */
    @ParameterizedTest
    @MethodSource("commandsWithAnOutputFormat")
    void aFormatNoCommandPrintsIsRefusedNamingOnlyTheFormatsThisCommandPrints(String name) {
        List<String> offered = offeredFormats(name);
        List<String> args = withFormat(name, "yaml", directory.resolve(name + "-store.json"));

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(SessionDbCommand.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("sessiondb " + name + ": option '--format' takes one of " + String.join(", ", offered)
                + ", not 'yaml' (see sessiondb " + name + " --help)");
    }

    @Test
    void aFormatTheCommandPrintsIsAccepted() {
        CliRun run = CliRun.of("history", "--format", "json", "--backup-dir", directory.resolve("none").toString());

        assertThat(run.err()).doesNotContain("--format");
        assertThat(run.exitCode()).isZero();
    }

    private static List<String> offeredFormats(String name) {
        List<String> offered = new ArrayList<>();
        formatOption(commands().get(name).getCommandSpec()).completionCandidates().forEach(offered::add);
        return offered;
    }

    /** The command with {@code --format format} and a value for everything it requires, the store being {@code store}. */
    private static List<String> withFormat(String name, String format, Path store) {
        List<String> args = new ArrayList<>(List.of(name, "--format", format));
        args.addAll(requiredArguments(commands().get(name).getCommandSpec(), store));
        return args;
    }

    private static Map<String, CommandLine> commands() {
        return SessionDbCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).getSubcommands();
    }

    private static OptionSpec formatOption(CommandSpec spec) {
        OptionSpec option = spec.findOption("--format");
        return option != null && option.type() == OutputFormat.class ? option : null;
    }

    /** A value for every required parameter and option, so only the format can be wrong. */
    private static List<String> requiredArguments(CommandSpec spec, Path store) {
        List<String> args = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (option.required()) {
                args.add(option.longestName());
                args.add(store.toString());
            }
        }
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            for (int i = 0; i < positional.arity().min(); i++) {
                args.add("json:" + store);
            }
        }
        return args;
    }
}
