package dev.sessiondb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sessiondb.model.JsonCodec;
import java.io.PrintWriter;
import picocli.CommandLine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** How a command prints its result. */
public enum OutputFormat {
    TABLE, JSON, CSV;

    /** The formats of a command that prints no CSV: its {@code --format} option names this class as its candidates. */
    public static final class TableOrJson implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(TABLE.toString(), JSON.toString()).iterator();
        }
    }

    /**
     * Refuses, in one line, a {@code --format} the command about to run does not print (its option's
     * completion candidates); {@link SessionDbCommand} calls it before every command, so each command
     * validates its format the same way.
     */
    static void requireOffered(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult command = parsed;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        CommandLine.Model.OptionSpec option = command.commandSpec().findOption("--format");
        if (option == null || option.type() != OutputFormat.class) {
            return;
        }
        OutputFormat chosen = option.getValue();
        List<String> offered = new ArrayList<>();
        option.completionCandidates().forEach(offered::add);
        if (offered.stream().noneMatch(candidate -> candidate.equalsIgnoreCase(chosen.toString()))) {
            throw new CommandLine.ParameterException(command.commandSpec().commandLine(), "--format " + chosen
                    + " is not available here; use " + String.join(" or ", offered.stream().map(candidate -> candidate.toLowerCase(Locale.ROOT)).toList()));
        }
    }

    /** Prints the items as one pretty JSON array: what {@code --format json} lists print. */
    static <T> void printJsonArray(List<T> items, Function<T, JsonNode> json, PrintWriter out) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        items.forEach(item -> array.add(json.apply(item)));
        out.println(JsonCodec.pretty(array));
    }

    /** picocli accepts the names in lower case. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
