package dev.sessiondb.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.KindsHeld;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreInfo;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "info", description = "Show a store's format, layout, schema version and number of sessions.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "STORE",
            description = "json:PATH, sqlite:PATH, jsondir:PATH, postgresql://... or a path; default: the store the environment selects.")
    String store;

    @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE}).", completionCandidates = OutputFormat.TableOrJson.class)
    OutputFormat format = OutputFormat.TABLE;

    @Option(names = "--kinds", description = "Count whose sessions the store holds however many it holds (a read of every session);"
            + " without it, a store of more than 100,000 sessions whose layout does not tell says it did not count them.")
    boolean countKinds;

    @Override
    public Integer call() {
        try (SessionStore opened = StoreArgument.openExisting(store)) {
            StoreInfo told = opened.info();
            Optional<KindsHeld> kinds = countKinds ? Optional.of(opened.kindsHeld()) : opened.kindsHeldWhereCheap(told.recordCount());
            StoreInfo info = kinds.map(told::holding).orElse(told);
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                out.println(JsonCodec.pretty(toJson(info, kinds)));
            } else {
                out.printf("Store:          %s%n", info.locator());
                out.printf("Format:         %s%n", info.format().scheme());
                out.printf("Layout:         %s%n", kinds.map(info::layoutShown).orElse(info.layout().id()));
                out.printf("Schema version: %s%n", info.schemaVersion());
                if (info.era() != null) {
                    out.printf("Era:            %s%n", info.era());
                }
                out.printf("Sessions:       %,d%n", info.recordCount());
                kinds.ifPresentOrElse(counted -> counted.described().ifPresent(described -> out.printf("Sessions of:    %s%n", described)),
                        () -> out.printf("Sessions of:    not counted in %,d sessions (info --kinds reads every one to count them)%n",
                                info.recordCount()));
                if (info.lastModified() != null) {
                    // a file's time has nanoseconds: shown to the millisecond, as every other time in the tables
                    out.printf("Last modified:  %s%n", info.lastModified().truncatedTo(ChronoUnit.MILLIS));
                }
                info.notes().forEach(note -> out.printf("Note:           %s%n", note));
            }
            return SessionDbCommand.OK;
        }
    }

    /**
     * The kinds as "sessionsOf": {"chat": 10, "minsky": 40}, by the names {@code sample --kind} takes; an empty object for an empty
     * store, none where they were not counted.
     */
    private static ObjectNode toJson(StoreInfo info, Optional<KindsHeld> kinds) {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("locator", info.locator())
                .put("format", info.format().scheme())
                .put("layout", info.layout().id())
                .put("schemaVersion", info.schemaVersion())
                .put("records", info.recordCount());
        kinds.ifPresent(counted -> {
            ObjectNode sessionsOf = json.putObject("sessionsOf");
            counted.counts().forEach((kind, count) -> sessionsOf.put(kind.name().toLowerCase(Locale.ROOT), count));
        });
        if (info.era() != null) {
            json.put("era", info.era());
        }
        if (info.lastModified() != null) {
            json.put("lastModified", info.lastModified().toString());
        }
        info.notes().forEach(json.putArray("notes")::add);
        return json;
    }
}
