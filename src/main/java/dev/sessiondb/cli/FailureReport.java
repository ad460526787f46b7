package dev.sessiondb.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * How a command that failed says so on stderr: one line for a person, or, when {@code --format json}
 * is on the command line, one JSON object on one line for a script (README, exit codes). Every failure
 * the command line prints goes through here, so a script never meets a sentence where it asked for JSON.
 * The message given is already masked.
 */
final class FailureReport {

    private final PrintWriter err;
    private final boolean json;

    private FailureReport(PrintWriter err, boolean json) {
        this.err = err;
        this.json = json;
    }

    /** For a command line given {@code args}: JSON when they ask for it, even if they fail to parse. */
    static FailureReport to(PrintWriter err, List<String> args) {
        return new FailureReport(err, asksForJson(args));
    }

    /** For the command {@code line} runs (a subcommand's too). */
    static FailureReport of(CommandLine line) {
        CommandLine.ParseResult parsed = line.getCommandSpec().root().commandLine().getParseResult();
        return to(line.getErr(), parsed == null ? List.of() : parsed.originalArgs());
    }

    boolean json() {
        return json;
    }

    /**
     * A command that could not do its work.
     *
     * @param trace the stack trace {@code --debug} asked for (masked), or null
     */
    void failed(String command, String message, int exitCode, String trace) {
        if (json) {
            ObjectNode failure = object(command, message, exitCode);
            FailureFields.named(message, failure);
            if (trace != null) {
                failure.put("trace", trace);
            }
            print(failure);
        } else {
            err.println("sessiondb: " + message);
            if (trace != null) {
                err.print(trace);
            }
            err.flush();
        }
    }

    /** Arguments the command does not take (an unknown option, a missing argument): its help says what it takes. */
    void misused(String command, String message) {
        String help = "see sessiondb " + (command.isEmpty() ? "" : command + " ") + "--help";
        if (json) {
            print(object(command, message, SessionDbCommand.BAD_INPUT).put("todo", help));
        } else {
            err.println("sessiondb" + (command.isEmpty() ? "" : " " + command) + ": " + message + " (" + help + ")");
            err.flush();
        }
    }

    private static ObjectNode object(String command, String message, int exitCode) {
        ObjectNode failure = JsonNodeFactory.instance.objectNode().put("error", message).put("exitCode", exitCode);
        if (!command.isEmpty()) {
            failure.put("command", command);
        }
        return failure;
    }

    private void print(ObjectNode failure) {
        err.println(JsonCodec.compact(failure));
        err.flush();
    }

    /** {@code --format json} or {@code --format=json} before any {@code --}, as picocli reads them. */
    static boolean asksForJson(List<String> args) {
        for (int i = 0; i < args.size() && !args.get(i).equals("--"); i++) {
            String arg = args.get(i);
            String value = arg.equals("--format") && i + 1 < args.size() ? args.get(i + 1)
                    : arg.startsWith("--format=") ? arg.substring("--format=".length()) : null;
            if (value != null && value.toLowerCase(Locale.ROOT).equals("json")) {
                return true;
            }
        }
        return false;
    }
}
