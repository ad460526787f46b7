package dev.sessiondb.validation;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Dates that do not parse (an error: sorting and migration break on them) and dates that
 * parse but are not in Minsky's ISO-8601 UTC form (a warning: they broke SQLite to
 * PostgreSQL migrations). Repair rewrites the second kind in Minsky's form.
 */
final class InvalidDateCheck implements Check {

    private static final List<String> MINSKY_DATE_PATHS = List.of("createdAt", "lastActivityAt",
            "prState.lastChecked", "prState.createdAt", "prState.mergedAt",
            "pullRequest.createdAt", "pullRequest.updatedAt", "pullRequest.mergedAt", "pullRequest.lastSynced");
    /** magellai writes RFC 3339 with the local offset, the chat server SQL text: only an unparseable one is a problem. */
    private static final List<String> MAGELLAI_DATE_PATHS = List.of("created", "updated");
    private static final Pattern MINSKY_FORM = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$");

    @Override
    public String name() {
        return "invalid-date";
    }

    /** Reads only the record and keeps nothing: its look-ups and date parsing share the reading thread's core. */
    @Override
    public boolean inspectsOnReadingThread() {
        return true;
    }

    /** Each path's pointer, compiled once. */
    private static final Map<String, JsonPointer> POINTERS = Stream.concat(MINSKY_DATE_PATHS.stream(), MAGELLAI_DATE_PATHS.stream())
            .collect(Collectors.toMap(path -> path, path -> JsonPointer.compile("/" + path.replace('.', '/'))));

    @Override
    public void inspect(SessionRecord record, Consumer<Finding> findings) {
        boolean minsky = SessionKind.of(record) == SessionKind.MINSKY;
        MINSKY_DATE_PATHS.forEach(path -> inspect(record, path, minsky, findings));
        MAGELLAI_DATE_PATHS.forEach(path -> inspect(record, path, false, findings));
    }

    /** The commonest shape is told by hand, the rest of Minsky's form (other fractions of a second) by the regex. */
    private static boolean inMinskyForm(String text) {
        return Timestamp.hasPlainUtcShape(text) || MINSKY_FORM.matcher(text).matches();
    }

    private void inspect(SessionRecord record, String path, boolean minskyForm, Consumer<Finding> findings) {
        String session = record.key();
        JsonNode value = record.at(POINTERS.get(path));
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return;
        }
        Timestamp date = Timestamp.parse(value.asText());
        if (!date.isValid()) {
            findings.accept(Finding.of(this, Severity.ERROR, session, path + " '" + value.asText() + "' is not a date",
                    "set " + path + " to an ISO-8601 date such as 2025-05-16T22:16:33.321Z"));
        } else if (minskyForm && (!value.isTextual() || !inMinskyForm(value.asText()))) {
            String fixed = MinskyDates.format(date.instant());
            findings.accept(Finding.repairable(this, Severity.WARNING, session,
                    path + " '" + value.asText() + "' is a date in a non-standard form", "rewrite it as " + fixed,
                    List.of(FieldEdit.set(path, fixed))));
        }
    }
}
