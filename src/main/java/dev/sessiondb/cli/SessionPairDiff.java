package dev.sessiondb.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sessiondb.diff.DiffInputs;
import dev.sessiondb.diff.FieldChange;
import dev.sessiondb.diff.SessionsCompared;
import dev.sessiondb.diff.StoreDiff;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.SessionLookup;
import dev.sessiondb.store.SessionStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * {@code diff --session}: two sessions, of two stores or of one (two copies of a task), compared field by field as the
 * window's two session boxes compare them. Each is found as {@code show} finds it: by its name or its task id in any form.
 */
final class SessionPairDiff {

    private SessionPairDiff() {
    }

    /** @return {@link SessionDbCommand#OK} when the two hold the same fields, else {@link SessionDbCommand#FOUND} */
    static int compare(String storeA, String keyA, String storeB, String keyB, Set<String> ignored, OutputFormat format, PrintWriter out) {
        try (SessionStore a = StoreArgument.openToReadThrough(storeA);
             SessionStore b = StoreArgument.openToReadThrough(storeB)) {
            SessionRecord recordA = SessionLookup.find(a, keyA);
            SessionRecord recordB = SessionLookup.find(b, keyB);
            DiffInputs.refuseTheSameSessionTwice(a.locator(), recordA.key(), b.locator(), recordB.key());
            SessionsCompared compared = new StoreDiff(ignored).compareSessions(a, b, recordA, recordB).masked();
            if (format == OutputFormat.JSON) {
                printJson(a, recordA, b, recordB, compared, out);
            } else {
                printTable(a, recordA, b, recordB, compared, out);
            }
            out.flush();
            return compared.isIdentical() ? SessionDbCommand.OK : SessionDbCommand.FOUND;
        }
    }

    private static void printTable(SessionStore a, SessionRecord recordA, SessionStore b, SessionRecord recordB, SessionsCompared compared,
                                   PrintWriter out) {
        out.printf("A: %s, session %s%nB: %s, session %s%n", a.locator().display(), DiffCommand.cell(recordA.key()),
                b.locator().display(), DiffCommand.cell(recordB.key()));
        compared.differentKinds().ifPresent(apart -> out.printf("%n%s%n", apart));
        List<FieldChange> changes = compared.changes();
        if (changes.isEmpty()) {
            out.printf("%nIdentical: the two sessions hold the same fields%n");
            return;
        }
        out.printf("%nChanged fields (%,d)%n", changes.size());
        changes.forEach(field -> out.println("  " + TerminalText.cell(field.describe())));
    }

    private static void printJson(SessionStore a, SessionRecord recordA, SessionStore b, SessionRecord recordB, SessionsCompared compared,
                                  PrintWriter out) {
        try (JsonGenerator json = JsonCodec.MAPPER.createGenerator(out).setPrettyPrinter(JsonCodec.minskyPrettyPrinter())) {
            json.writeStartObject();
            if (compared.differentKinds().isPresent()) {
                json.writeStringField("differentKinds", compared.differentKinds().get());
            }
            side(json, "a", a, recordA);
            side(json, "b", b, recordB);
            json.writeBooleanField("identical", compared.isIdentical());
            DiffCommand.writeFields(json, compared.changes());
            json.writeEndObject();
            json.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void side(JsonGenerator json, String name, SessionStore store, SessionRecord record) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("store", store.locator().display());
        json.writeStringField("session", DiffCommand.shown(record.key()));
        json.writeEndObject();
    }
}
