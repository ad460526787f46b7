package dev.sessiondb.cli;

import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.store.StoreException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code sessiondb} command line: a thin shell over the engine. Exit codes: 0 success,
 * 1 found something (differences, findings), 2 bad input or unreachable store.
 */
@Command(name = "sessiondb", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = VersionProvider.class,
        description = "Inspect, diff, migrate, consolidate and repair AI-agent session stores.",
        subcommands = {InfoCommand.class, ListCommand.class, ShowCommand.class, DiffCommand.class, ValidateCommand.class,
            MigrateCommand.class, ConsolidateCommand.class, UndoCommand.class, HistoryCommand.class, DiscoverCommand.class, RepairCommand.class,
            SampleCommand.class, UpgradeCommand.class})
public final class SessionDbCommand {

    public static final int OK = 0;
    public static final int FOUND = 1;
    public static final int BAD_INPUT = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    public static int run(String[] args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** The configured command line; tests pass their own writers to read what it prints. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        SessionDbCommand root = new SessionDbCommand();
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("sessiondb: " + userMessage(exception));
            if (root.debug) {
                exception.printStackTrace(line.getErr());
            }
            line.getErr().flush();
            return BAD_INPUT;
        });
        return commandLine;
    }

    /** One clear line: store errors already name the store and position; others get their type named. */
    private static String userMessage(Exception exception) {
        if (exception instanceof StoreException || exception instanceof IllegalArgumentException
                || exception instanceof JobRefusedException || exception instanceof CancelledException) {
            return exception.getMessage();
        }
        if (exception instanceof UncheckedIOException io) {
            return io.getCause().getMessage();
        }
        String message = exception.getMessage();
        return exception.getClass().getSimpleName() + (message == null ? "" : ": " + message) + " (run with --debug for details)";
    }
}
