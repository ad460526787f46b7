package dev.sessiondb.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.discovery.DiscoveredStore;
import dev.sessiondb.discovery.StoreDiscovery;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.selection.MinskyPaths;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "discover", description = "Find the session stores on this machine: Minsky's state directory, its configs and environment, magellai, the chat server's database in the current folder (data/sessions.db, DATABASE_PATH), and session databases under the roots.")
final class DiscoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR", description = "Also search this directory tree for project configs (.minsky/config.yaml) and session databases; repeatable.")
    List<Path> roots = List.of();

    @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE}).", completionCandidates = OutputFormat.TableOrJson.class)
    OutputFormat format = OutputFormat.TABLE;

    @Override
    public Integer call() {
        roots.stream().filter(root -> !Files.isDirectory(root)).findFirst().ifPresent(missing -> {
            throw new IllegalArgumentException("--root " + missing + ": no such folder; give a folder to search");
        });
        StoreDiscovery.Result result = new StoreDiscovery(MinskyPaths.ofSystem(), roots).discover(ProgressMonitor.NONE);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            out.println(JsonCodec.pretty(toJson(result)));
        } else {
            printTable(result, out);
        }
        out.flush();
        return SessionDbCommand.OK;
    }

    private static void printTable(StoreDiscovery.Result result, PrintWriter out) {
        // a file's time has nanoseconds, shown to the millisecond as every other time in the tables;
        // a store's absolute path may be longer than any fixed width: the column takes the longest, so the columns after it line up
        int storeWidth = result.stores().stream().mapToInt(store -> store.locator().display().length()).max().orElse(0);
        String row = "%-" + Math.max("STORE".length(), storeWidth) + "s  %-10s  %-8s  %9s  %-24s  %s%n";
        out.printf(row, "STORE", "FORMAT", "LAYOUT", "SESSIONS", "LAST MODIFIED", "FOUND VIA");
        for (DiscoveredStore store : result.stores()) {
            out.printf(row, store.locator().display(), store.format().scheme(),
                    store.layout().map(StoreLayout::id).orElse("-"), store.isReachable() ? String.format("%,d", store.recordCount()) : "-",
                    store.lastModified().map(time -> time.truncatedTo(ChronoUnit.MILLIS).toString()).orElse("-"), String.join("; ", store.foundVia()));
            store.problem().ifPresent(problem -> out.printf("    unreachable: %s%n", problem));
        }
        result.problems().forEach(problem -> out.printf("problem: %s%n", problem));
        out.printf("%,d store%s found%n", result.stores().size(), result.stores().size() == 1 ? "" : "s");
    }

    private static ObjectNode toJson(StoreDiscovery.Result result) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode stores = json.putArray("stores");
        for (DiscoveredStore store : result.stores()) {
            ObjectNode entry = stores.addObject()
                    .put("locator", store.locator().display())
                    .put("format", store.format().scheme());
            store.layout().ifPresent(layout -> entry.put("layout", layout.id()));
            if (store.isReachable()) {
                entry.put("records", store.recordCount());
            }
            store.lastModified().ifPresent(time -> entry.put("lastModified", time.toString()));
            store.foundVia().forEach(entry.putArray("foundVia")::add);
            store.problem().ifPresent(problem -> entry.put("unreachable", problem));
        }
        result.problems().forEach(json.putArray("problems")::add);
        return json;
    }
}
