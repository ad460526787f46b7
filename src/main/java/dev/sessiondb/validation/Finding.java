package dev.sessiondb.validation;

import java.util.List;

/**
 * One problem a check found.
 *
 * @param check    the check's stable name ({@code repo-name-variant})
 * @param session  the session it concerns, or null for the store as a whole
 * @param fix      what the user should do, in one sentence
 * @param edits    the changes {@code sessiondb repair} makes to the session's record (on a
 *                 session the store lacks, they build a new record); empty when the fix needs a person
 */
public record Finding(String check, Severity severity, String session, String message, String fix, List<FieldEdit> edits) {

    public Finding {
        edits = List.copyOf(edits);
    }

    public static Finding of(Check check, Severity severity, String session, String message, String fix) {
        return new Finding(check.name(), severity, session, message, fix, List.of());
    }

    public static Finding repairable(Check check, Severity severity, String session, String message, String fix, List<FieldEdit> edits) {
        return new Finding(check.name(), severity, session, message, fix, edits);
    }

    public boolean isRepairable() {
        return !edits.isEmpty();
    }
}
