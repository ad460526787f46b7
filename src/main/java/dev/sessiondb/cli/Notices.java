package dev.sessiondb.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * What a command says on stderr besides its result and its failure: warnings and notes. A person reads a line each; with
 * {@code --format json} each is one JSON object on one line ({@code {"warning": ...}} or {@code {"note": ...}}), so a script
 * parses stderr line by line as JSON, the failure's object ({@link FailureReport}) coming last. The messages given are
 * already masked.
 */
final class Notices {

    private final PrintWriter err;
    private final boolean json;
    private final String command;

    private Notices(PrintWriter err, boolean json, String command) {
        this.err = err;
        this.json = json;
        this.command = command;
    }

    /** For a command line given {@code args}, before they are parsed: JSON when they ask for it. */
    static Notices to(PrintWriter err, List<String> args, String command) {
        return new Notices(err, FailureReport.asksForJson(args), command);
    }

    /** For the command {@code line} runs. */
    static Notices of(CommandLine line) {
        boolean root = line.getParent() == null;
        return new Notices(line.getErr(), FailureReport.of(line).json(), root ? "" : line.getCommandName());
    }

    /** Something the user should act on, though the command goes on: {@code sessiondb: warning: MESSAGE}. */
    void warning(String message) {
        say("warning", message, "sessiondb: warning: " + message, false);
    }

    /** Something the user may have meant otherwise: {@code sessiondb: note: MESSAGE}. */
    void note(String message) {
        say("note", message, "sessiondb: note: " + message, false);
    }

    /**
     * A problem the command found, in the store's form "STORE: what happened; what to do" (a damaged record it listed):
     * {@code sessiondb: MESSAGE}, its JSON with the store, session, record, field and advice a failure's has.
     */
    void problem(String message) {
        say("warning", message, "sessiondb: " + message, true);
    }

    /** What the command did, when its output went elsewhere (an export written to a file): the message as it is. */
    void done(String message) {
        say("note", message, message, false);
    }

    private void say(String kind, String message, String line, boolean inTheStoresForm) {
        if (json) {
            ObjectNode notice = JsonNodeFactory.instance.objectNode().put(kind, message);
            if (!command.isEmpty()) {
                notice.put("command", command);
            }
            if (inTheStoresForm) {
                FailureFields.named(message, notice);
            }
            err.println(JsonCodec.compact(notice));
        } else {
            err.println(line);
        }
        err.flush();
    }
}
