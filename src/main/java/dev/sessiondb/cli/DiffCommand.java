package dev.sessiondb.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sessiondb.diff.DiffInputs;
import dev.sessiondb.diff.DiffSummary;
import dev.sessiondb.diff.FieldChange;
import dev.sessiondb.diff.SessionChange;
import dev.sessiondb.diff.SpooledDiff;
import dev.sessiondb.diff.StoreDiff;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", description = "Compare two stores of any formats: sessions only in A, only in B, and changed fields. Exit 0 when equal, 1 when they differ.")
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The first store.")
    String storeA;

    @Parameters(index = "1", paramLabel = "B", description = "The second store.")
    String storeB;

    @Option(names = "--ignore", paramLabel = "FIELD", description = "Leave a field out of the comparison (dotted paths such as pullRequest.lastSynced); repeatable.")
    List<String> ignored = List.of();

    @Option(names = "--format", description = "table or json (default: ${DEFAULT-VALUE}).", completionCandidates = OutputFormat.TableOrJson.class)
    OutputFormat format = OutputFormat.TABLE;

    @Override
    public Integer call() {
        StoreLocator locatorA = StoreArgument.locate(storeA);
        StoreLocator locatorB = StoreArgument.locate(storeB);
        DiffInputs.refuseEmptyFiles(locatorA, locatorB);
        DiffInputs.refuseTheSameStoreTwice(locatorA, locatorB);
        ignored.forEach(path -> misspelledField(path).ifPresent(meant -> Notices.of(spec.commandLine()).note("--ignore " + path
                + " names no field sessions have; field names are case-sensitive: did you mean " + meant + "?")));
        try (SessionStore a = StoreArgument.openToReadThrough(storeA);
             SessionStore b = StoreArgument.openToReadThrough(storeB);
             SpooledDiff result = new SpooledDiff();
             TerminalProgress bar = new TerminalProgress(spec.commandLine())) {
            DiffSummary summary = new StoreDiff(Set.copyOf(ignored)).compare(a, b, result, bar.tracker("comparing"));
            bar.close();
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                printJson(result, summary, out);
            } else {
                printTable(result, summary, a, b, out);
            }
            out.flush();
            return summary.isEqual() ? SessionDbCommand.OK : SessionDbCommand.FOUND;
        }
    }

    /** The known field an ignored path's first name means when it differs only in case (pullrequest for pullRequest): it would leave nothing out. */
    private static Optional<String> misspelledField(String path) {
        String name = path.split("[.\\[]", 2)[0];
        if (SessionField.byJsonName(name).isPresent()) {
            return Optional.empty();
        }
        return Arrays.stream(SessionField.values()).map(SessionField::jsonName).filter(name::equalsIgnoreCase).findFirst()
                .map(field -> field + path.substring(name.length()));
    }

    private static void printJson(SpooledDiff result, DiffSummary summary, PrintWriter out) {
        try (JsonGenerator json = JsonCodec.MAPPER.createGenerator(out).setPrettyPrinter(JsonCodec.minskyPrettyPrinter())) {
            json.writeStartObject();
            json.writeArrayFieldStart("onlyInA");
            result.forEachOnlyInA(key -> writeString(json, shown(key)));
            json.writeEndArray();
            json.writeArrayFieldStart("onlyInB");
            result.forEachOnlyInB(key -> writeString(json, shown(key)));
            json.writeEndArray();
            json.writeArrayFieldStart("changed");
            result.forEachChanged(change -> writeChange(json, change));
            json.writeEndArray();
            json.writeNumberField("identical", summary.identical());
            json.writeEndObject();
            json.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeChange(JsonGenerator json, SessionChange change) {
        try {
            json.writeStartObject();
            json.writeStringField("session", shown(change.session()));
            json.writeArrayFieldStart("fields");
            for (FieldChange field : change.fields()) {
                json.writeStartObject();
                json.writeStringField("path", field.path());
                // a side where the field is absent has no key; null is a JSON null the record holds
                if (field.a() != null) {
                    json.writeFieldName("a");
                    JsonCodec.MAPPER.writeTree(json, field.a());
                }
                if (field.b() != null) {
                    json.writeFieldName("b");
                    JsonCodec.MAPPER.writeTree(json, field.b());
                }
                Optional<String> note = field.note();
                if (note.isPresent()) {
                    json.writeStringField("note", note.get());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(JsonGenerator json, String text) {
        try {
            json.writeString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printTable(SpooledDiff result, DiffSummary summary, SessionStore a, SessionStore b, PrintWriter out) {
        out.printf("A: %s%nB: %s%n", a.locator().display(), b.locator().display());
        out.printf("%nOnly in A (%,d)%n", summary.onlyInA());
        result.forEachOnlyInA(key -> out.println("  " + cell(key)));
        out.printf("%nOnly in B (%,d)%n", summary.onlyInB());
        result.forEachOnlyInB(key -> out.println("  " + cell(key)));
        out.printf("%nChanged (%,d)%n", summary.changed());
        result.forEachChanged(change -> {
            out.println("  " + cell(change.session()));
            change.fields().forEach(field -> out.println("    " + TerminalText.cell(field.describe())));
        });
        out.printf("%nIdentical: %,d%n", summary.identical());
    }

    private static String shown(String key) {
        return SecretMasker.maskText("session", key);
    }

    /** A session as the table names it: also its control characters shown as text, as ls shows them. */
    private static String cell(String key) {
        return TerminalText.cell(shown(key));
    }
}
