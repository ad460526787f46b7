package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line reads only the subcommand its arguments name, and every one when they name none. */
class SessionDbCommandTest {

    private static final List<String> EVERY_COMMAND = List.of("info", "ls", "show", "diff", "validate", "migrate", "consolidate", "undo",
            "history", "discover", "repair", "export", "sample", "upgrade", "completion");

    @Test
    void argumentsNamingACommandGetACommandLineWithThatCommandOnly() {
        assertThat(commandsFor("ls", "json:sessions.json", "--limit", "5")).containsExactly("ls");
        assertThat(commandsFor("--debug", "migrate", "json:a.json", "sqlite:b.db")).containsExactly("migrate");
    }

    @Test
    void argumentsNamingNoCommandGetEveryCommandInTheUsagesOrder() {
        assertThat(commandsFor()).containsExactlyElementsOf(EVERY_COMMAND);
        assertThat(commandsFor("--help")).containsExactlyElementsOf(EVERY_COMMAND);
        assertThat(commandsFor("migrat", "json:a.json")).containsExactlyElementsOf(EVERY_COMMAND);
    }

    @Test
    void theUsageListsEveryCommand() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        EVERY_COMMAND.forEach(name -> assertThat(run.out()).containsPattern("(?m)^  " + name + " "));
    }

    /** The installed launcher alone said "Missing required subcommand (see sessiondb --help)", exit 2; its README promised the usage. */
    @Test
    void noArgumentsPrintTheUsageAsHelpDoes() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(CliRun.of("--help").out());
    }

    @Test
    void aMistypedCommandIsRefusedWithTheUsagesPointer() {
        CliRun run = CliRun.of("migrat", "json:a.json");

        assertThat(run.exitCode()).isEqualTo(SessionDbCommand.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("sessiondb: Unmatched arguments from index 0: 'migrat', 'json:a.json' (see sessiondb --help)");
    }

    @Test
    void aCommandsOwnHelpIsItsOwn() {
        CliRun run = CliRun.of("migrate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: sessiondb migrate ");
    }

    private static List<String> commandsFor(String... args) {
        return List.copyOf(SessionDbCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args)
                .getSubcommands().keySet());
    }
}
