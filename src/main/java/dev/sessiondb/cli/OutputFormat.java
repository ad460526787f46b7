package dev.sessiondb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sessiondb.model.JsonCodec;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/** How a command prints its result. */
public enum OutputFormat {
    TABLE, JSON, CSV;

    /** Commands that print only some formats reject the others with one clear line. */
    static void requireOneOf(OutputFormat format, OutputFormat... allowed) {
        if (!List.of(allowed).contains(format)) {
            throw new IllegalArgumentException("--format " + format + " is not available here; use "
                    + String.join(" or ", java.util.Arrays.stream(allowed).map(OutputFormat::toString).toList()));
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
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
