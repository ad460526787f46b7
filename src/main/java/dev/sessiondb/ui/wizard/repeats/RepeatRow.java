package dev.sessiondb.ui.wizard.repeats;

import dev.sessiondb.model.SecretMasker;
import dev.sessiondb.store.RepeatedSessionsException.Repeat;

/**
 * One repeat of a session in a JSON file, as the repeats page lists it: where its session's first record and the repeat
 * are, and what the repair does with it (removes an identical one; leaves one that differs, saying what to edit).
 */
public record RepeatRow(String session, String first, String repeat, boolean removed, String outcome) {

    static RepeatRow of(Repeat repeat) {
        String session = SecretMasker.maskText("session", repeat.session());
        String outcome = repeat.identical() ? "Removed: the same as the first record"
                : "Stays: " + (repeat.differing().isEmpty() ? "the same values in another order"
                : "differs in " + String.join(", ", repeat.differing()))
                + "; keep " + recordOnly(repeat.first()) + " or " + recordOnly(repeat.second()) + " and delete the other in a text editor";
        return new RepeatRow(session, repeat.first(), repeat.second(), repeat.identical(), outcome);
    }

    /** "record 4" of "record 4 (line 8, column 3)": the row's columns give the line. */
    private static String recordOnly(String where) {
        int position = where.indexOf(" (");
        return position < 0 ? where : where.substring(0, position);
    }
}
