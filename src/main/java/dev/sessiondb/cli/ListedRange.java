package dev.sessiondb.cli;

import java.util.OptionalLong;

/**
 * Which of the matching sessions a listing showed, for the table's count line: a page of a larger
 * listing (--limit, --offset) says which sessions it shows of how many, never its size as the count.
 *
 * @param offset   how many matching sessions were skipped before the first shown
 * @param cut      whether --offset or --limit left matching sessions out
 * @param total    how many sessions match, when measured (a search in a SQL store is not counted past its page)
 * @param filtered whether a search, filter or task chose the sessions, so the total is of the matches
 */
record ListedRange(long offset, boolean cut, OptionalLong total, boolean filtered) {

    /** The count line for {@code shown} sessions, without what follows it (how many were unreadable). */
    String countLine(long shown) {
        if (!cut) {
            return String.format("%,d session%s", shown, shown == 1 ? "" : "s");
        }
        String matching = filtered ? " matching" : "";
        String of = total.isPresent() ? String.format(" of %,d%s", total.getAsLong(), matching)
                : matching + " (the rest were not counted; ls without --limit lists them all)";
        if (shown == 0) {
            return String.format("no session after the first %,d", offset) + of;
        }
        String sessions = shown == 1 ? String.format("session %,d", offset + 1) : String.format("sessions %,d-%,d", offset + 1, offset + shown);
        return sessions + of;
    }
}
