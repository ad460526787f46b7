package dev.sessiondb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.Message;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.SessionLookup;
import dev.sessiondb.store.SessionStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", description = "Show every field of one session, found by session name or by task id in any form (#079, 079, md#079).")
final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    // 1..* so that a third argument reaches call() and is refused there (picocli let arity 1..2 repeat and kept only the last);
    // the help shows the label as written, not as a list
    @Parameters(arity = "1..*", paramLabel = "[STORE] SESSION", hideParamSyntax = true,
            description = "The store (default: the one the environment selects) and the session.")
    List<String> arguments;

    @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE}).", completionCandidates = OutputFormat.TableOrJson.class)
    OutputFormat format = OutputFormat.TABLE;

    @Override
    public Integer call() {
        if (arguments.size() > 2) {
            throw new IllegalArgumentException("show takes one session, but was given " + arguments.size() + " arguments (" + String.join(" ", arguments)
                    + "); to show several run show once per session, or quote a name with spaces: show STORE 'a b'");
        }
        String store = arguments.size() == 2 ? arguments.get(0) : null;
        String wanted = arguments.get(arguments.size() - 1);
        if (store == null && looksLikeAStore(wanted)) {
            throw new IllegalArgumentException("'" + wanted + "' is a store, and show needs a session too: sessiondb show " + wanted
                    + " SESSION (sessiondb ls " + wanted + " lists them)");
        }
        try (SessionStore opened = StoreArgument.openExisting(store)) {
            print(SessionLookup.find(opened, wanted), spec.commandLine().getOut());
        }
        return SessionDbCommand.OK;
    }

    /** A lone argument naming a file or folder that exists, or written as a locator (json:, sqlite:, postgresql://): no session is named so. */
    private static boolean looksLikeAStore(String argument) {
        if (argument.matches("(?i)(json|jsondir|sqlite|postgres(ql)?):.*")) {
            return true;
        }
        try {
            return Files.exists(Path.of(argument));
        } catch (InvalidPathException notAPath) {
            return false;
        }
    }

    private void print(SessionRecord record, PrintWriter out) {
        if (format == OutputFormat.JSON) {
            out.println(JsonCodec.pretty(record.maskedFields()));
            return;
        }
        ObjectNode fields = record.maskedFields();
        // the messages follow as the conversation: a chat server's beside the session, magellai's inside its conversation
        fields.remove("messages");
        if (fields.path("conversation").isObject()) {
            ((ObjectNode) fields.get("conversation")).remove("messages");
        }
        fields.fields().forEachRemaining(field -> out.printf("%-18s %s%n", TerminalText.cell(field.getKey()) + ":", valueText(field.getValue())));
        List<Message> messages = record.messages();
        if (!messages.isEmpty()) {
            out.printf("%nConversation (%d messages)%n", messages.size());
            for (Message message : messages) {
                out.printf("  [%s] %s: %s%n", message.timestamp() == null ? "" : TerminalText.cell(message.timestamp().text()), TerminalText.cell(message.role()),
                        TerminalText.lines(SecretMasker.maskText(null, message.content())).replace("\n", "\n    "));
            }
        }
    }

    /**
     * The value under its name, each further line indented past the names: a commit message's lines cannot pass for fields;
     * a character that prints as nothing shown as its escape, so that two values that read alike are told apart.
     */
    private static String valueText(JsonNode value) {
        return TerminalText.lines(value.isContainerNode() ? JsonCodec.pretty(value) : value.asText()).replace("\n", "\n                   ");
    }
}
