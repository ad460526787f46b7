package dev.sessiondb.cli;

import dev.sessiondb.app.LogConfiguration;
import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.model.LoneSurrogateEscapes;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.sql.PgCredentials;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code sessiondb} command line: a thin shell over the engine. Exit codes: 0 success,
 * 1 found something (differences, findings, a damaged record ls listed), 2 bad input or unreachable store.
 * How a failure is printed, a line or (with {@code --format json}) a JSON object, is {@link FailureReport}'s.
 */
@Command(name = "sessiondb", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = VersionProvider.class,
        description = "Inspect, diff, migrate, consolidate and repair AI-agent session stores.")
public final class SessionDbCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FOUND = 1;
    public static final int BAD_INPUT = 2;
    /** A job stopped by Ctrl-C, as shells report a process ended by SIGINT (128 + 2); SIGTERM's is 143 (128 + 15), SIGHUP's 129, see {@link StopSignal}. */
    public static final int INTERRUPTED = 130;

    /** In the order the usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(InfoCommand.class, ListCommand.class, ShowCommand.class, DiffCommand.class,
            ValidateCommand.class, MigrateCommand.class, ConsolidateCommand.class, UndoCommand.class, HistoryCommand.class, DiscoverCommand.class,
            RepairCommand.class, ExportCommand.class, SampleCommand.class, UpgradeCommand.class, CompletionCommand.class);

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    @Spec
    CommandSpec spec;

    /** {@code sessiondb} with no subcommand (the installed launcher alone) prints its usage, as {@code --help} does. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return OK;
    }

    public static int run(String[] args) {
        // a listing piped to a file or a program stays exact; a terminal sees a record's escape sequences as text
        Writer out = new OutputStreamWriter(System.out, Charset.defaultCharset());
        Writer err = TerminalText.around(new OutputStreamWriter(System.err, Charset.defaultCharset()));
        return commandLine(new PrintWriter(System.console() != null ? TerminalText.around(out) : out, true), new PrintWriter(err, true), args)
                .execute(args);
    }

    /**
     * From the command's first moment Ctrl-C, SIGTERM and SIGHUP are noted, and a command they end outside a job's work says
     * it was cancelled instead of ending in silence ({@link SignalOutsideWork}). Called first thing, before the log is set up.
     */
    public static void sayWhenASignalEndsIt(String[] args) {
        SignalOutsideWork.sayFor(Arrays.asList(args), commandName(args));
    }

    /**
     * The pool and the ORM log a lost connection before the failure reaches us; a command prints
     * one line for it instead, and {@code --debug} shows the libraries' warnings too, but not with
     * {@code --format json}: its stderr holds JSON lines only, the log file keeps them. The properties are
     * read by {@link LogConfiguration}, so this must be set before the first logger is made.
     */
    public static void quietLibrariesOnStderrUnlessDebugging(String[] args) {
        boolean json = FailureReport.asksForJson(Arrays.asList(args));
        if (!Arrays.asList(args).contains("--debug") || json) {
            System.setProperty(LogConfiguration.STDERR_LEVEL_PROPERTY, "OFF");
        }
        if (json) {
            System.setProperty(LogConfiguration.STDERR_JSON_PROPERTY, "true");
        }
    }

    /** A count, a limit or a seed; what is not a whole number, or one too large for the option, is refused saying which. */
    private static <T> CommandLine.ITypeConverter<T> wholeNumber(Function<String, T> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (NumberFormatException notANumber) {
                throw new CommandLine.TypeConversionException("'" + text + "' " + (text.matches("[-+]?\\d+") ? "is out of range for this option"
                        : "is not a whole number; give one such as 42"));
            }
        };
    }

    /**
     * The configured command line for {@code args}: with only the subcommand they name, as picocli
     * reading every subcommand's annotations took about a tenth of each command's start; with all
     * of them when they name none, for the usage. Tests pass their own writers to read what it prints.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        SessionDbCommand root = new SessionDbCommand();
        CommandLine commandLine = new CommandLine(root);
        named(args).map(List::<Class<?>>of).orElse(SUBCOMMANDS).forEach(commandLine::addSubcommand);
        // after the subcommands, which picocli gives the converters registered: its own said "'abc' is not a long", a Java type
        commandLine.registerConverter(Long.class, wholeNumber(Long::valueOf)).registerConverter(long.class, wholeNumber(Long::valueOf))
                .registerConverter(Integer.class, wholeNumber(Integer::valueOf)).registerConverter(int.class, wholeNumber(Integer::valueOf));
        commandLine.setOut(withSurrogatesEscaped(out));
        commandLine.setErr(withSurrogatesEscaped(err));
        Notices warnings = Notices.to(commandLine.getErr(), Arrays.asList(args), commandName(args));
        PgCredentials.sendPasswordFileWarningsTo(warnings::warning);
        commandLine.setExecutionStrategy(parsed -> {
            OutputFormat.requireOffered(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            String message = oneLine(SecretMasker.maskText(null, userMessage(exception)));
            // the log is what support reads after the terminal is gone; its appender masks the trace too.
            // The logger is asked for here: this class is loaded before the log is set up (Main).
            LoggerFactory.getLogger(SessionDbCommand.class).warn("command {} failed: {}", line.getCommandName(), message, exception);
            // masked as the log masks it: a message in the trace may quote a record's token or a URL's password
            String trace = root.debug ? SecretMasker.maskText(null, stackTrace(exception)) : null;
            FailureReport.of(line).failed(line == commandLine ? "" : line.getCommandName(), message, BAD_INPUT, trace);
            return BAD_INPUT;
        });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            // picocli quotes the offending argument, which may be a URL with its password
            CommandLine failed = exception.getCommandLine();
            FailureReport.to(failed.getErr(), Arrays.asList(arguments))
                    .misused(failed == commandLine ? "" : failed.getCommandName(), readable(oneLine(SecretMasker.maskText(null, exception.getMessage())),
                            offered(exception.getArgSpec())));
            return BAD_INPUT;
        });
        return commandLine;
    }

    private static PrintWriter withSurrogatesEscaped(PrintWriter printed) {
        return new PrintWriter(LoneSurrogateEscapes.around(printed), true);
    }

    private static String stackTrace(Exception exception) {
        StringWriter trace = new StringWriter();
        exception.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    /** The subcommand the first argument that is not an option names (the root's options take no value). */
    private static Optional<Class<?>> named(String[] args) {
        return Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst()
                .flatMap(name -> SUBCOMMANDS.stream().filter(subcommand -> subcommand.getAnnotation(Command.class).name().equals(name)).findFirst());
    }

    /** The name of the subcommand {@code args} name, or "" for none. */
    private static String commandName(String[] args) {
        return named(args).map(subcommand -> subcommand.getAnnotation(Command.class).name()).orElse("");
    }

    private static final Pattern NOT_KEY_VALUE = Pattern.compile("Value for option option '([^']+)' \\(([^)]*)\\) should be in KEY=VALUE format but was (.*)");

    private static final Pattern NOT_ONE_OF = Pattern.compile("Invalid value for option '([^']+)': expected one of \\[([^\\]]*)\\] \\(case-sensitive\\)"
            + " but was '(.*)'");
    /** How a refused value's message starts where a converter of ours lists the values taken, as {@link #readable} words picocli's own. */
    static final String TAKES_ONE_OF = "takes one of ";
    private static final Pattern CONVERTER_TAKES = Pattern.compile("Invalid value for option '([^']+)': " + TAKES_ONE_OF + "(.*)");
    private static final Pattern CONSTANT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    /**
     * Picocli's words for a map option's value with no '=' double the word "option" and name KEY=VALUE, not the option's own label;
     * for an option of set values they list each twice, as the enum constant and as typed ({@code [KEEP_BOTH, keep-both]}),
     * and every constant of the type, where a command's {@code --format} offers only some ({@code table, json, csv} for history).
     */
    private static String readable(String picocliMessage, List<String> offered) {
        Matcher notKeyValue = NOT_KEY_VALUE.matcher(picocliMessage);
        if (notKeyValue.matches()) {
            return "option '" + notKeyValue.group(1) + "' takes " + notKeyValue.group(2) + " (an '=' between the two), not '" + notKeyValue.group(3) + "'";
        }
        Matcher notOneOf = NOT_ONE_OF.matcher(picocliMessage);
        if (notOneOf.matches()) {
            List<String> values = List.of(notOneOf.group(2).split(", "));
            List<String> asTyped = values.stream().filter(value -> !CONSTANT_NAME.matcher(value).matches()).toList();
            List<String> taken = asTyped.stream().filter(offered::contains).toList();
            List<String> shown = !taken.isEmpty() ? taken : asTyped.isEmpty() ? values : asTyped;
            return "option '" + notOneOf.group(1) + "' " + TAKES_ONE_OF + String.join(", ", shown) + ", not '"
                    + notOneOf.group(3) + "'";
        }
        Matcher converterTakes = CONVERTER_TAKES.matcher(picocliMessage);
        if (converterTakes.matches()) {
            return "option '" + converterTakes.group(1) + "' " + TAKES_ONE_OF + converterTakes.group(2);
        }
        return picocliMessage.replace("option option '", "option '");
    }

    /** The values an option offers as its completion candidates, when it names them; none for an argument or a free value. */
    private static List<String> offered(CommandLine.Model.ArgSpec argument) {
        List<String> offered = new ArrayList<>();
        if (argument != null && argument.completionCandidates() != null) {
            argument.completionCandidates().forEach(offered::add);
        }
        return offered;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** One clear line: store errors already name the store and position; others get their type named. */
    private static String userMessage(Exception exception) {
        if (exception instanceof StoreException || exception instanceof IllegalArgumentException
                || exception instanceof JobRefusedException || exception instanceof CancelledException) {
            return exception.getMessage();
        }
        if (StoreFaults.of(exception).isPresent()) {
            return StoreFaults.describe(exception);
        }
        if (exception instanceof UncheckedIOException io) {
            return io.getCause().getMessage();
        }
        String message = exception.getMessage();
        return exception.getClass().getSimpleName() + (message == null ? "" : ": " + message) + " (run with --debug for details)";
    }
}
