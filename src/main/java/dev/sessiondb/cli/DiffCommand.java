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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", description = "Compare two stores of any formats: sessions only in A, only in B, and changed fields;"
        + " or two sessions field by field (--session). Exit 0 when equal, 1 when they differ.")
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

    @Option(names = "--session", paramLabel = "SESSION", description = "Compare this session of A with the same one of B, field by field"
            + " (a name, or a task id in any form: #079, 079, md#079); A and B may then be one store.")
    String sessionA;

    @Option(names = "--session-b", paramLabel = "SESSION", description = "With --session: the session of B to compare with it,"
            + " when named otherwise (two copies of one task in one store).")
    String sessionB;

    @Override
    public Integer call() {
        StoreLocator locatorA = StoreArgument.locate(storeA);
        StoreLocator locatorB = StoreArgument.locate(storeB);
        DiffInputs.refuseEmptyFiles(locatorA, locatorB);
        if (sessionB != null && sessionA == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--session-b " + sessionB + " names B's session of a pair:"
                    + " give A's with --session too (--session task#027 --session-b 027)");
        }
        if (sessionA == null) {
            DiffInputs.refuseTheSameStoreTwice(locatorA, locatorB);
        }
        ignored.forEach(path -> misspelledField(path).ifPresent(meant -> Notices.of(spec.commandLine()).note("--ignore " + path
                + " names no field sessions have; field names are case-sensitive: did you mean " + meant + "?")));
        if (sessionA != null) {
            return SessionPairDiff.compare(storeA, sessionA, storeB, sessionB == null ? sessionA : sessionB, Set.copyOf(ignored), format,
                    spec.commandLine().getOut());
        }
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
            if (summary.differentKinds().isPresent()) {
                json.writeStringField("differentKinds", summary.differentKinds().get());
            }
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
            writeFields(json, change.fields());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each changed field as an object: its path, its value in A and in B (a side without it has no key), and a note. */
    static void writeFields(JsonGenerator json, List<FieldChange> fields) {
        try {
            json.writeArrayFieldStart("fields");
            for (FieldChange field : fields) {
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
        summary.differentKinds().ifPresent(apart -> out.printf("%n%s%n", apart));
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

    static String shown(String key) {
        return SecretMasker.maskText("session", key);
    }

    /** A session as the table names it: also its control characters shown as text, as ls shows them. */
    static String cell(String key) {
        return TerminalText.cell(shown(key));
    }
}
