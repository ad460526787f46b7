package dev.sessiondb.ui.common;

import java.util.regex.Pattern;

/**
 * The window's rule for one word: what the user knows as sessions is said "sessions"; "records" only where a store's raw rows
 * are meant (a damaged record not read, a record repeated in a file). The engine names its counts "records", which the CLI
 * prints and scripts read as JSON keys, so the window words them at the last step, here.
 */
public final class SessionWords {

    private static final Pattern RECORDS = Pattern.compile("\\brecords\\b");
    private static final Pattern RECORD = Pattern.compile("\\brecord\\b");
    /** Counts of raw rows: the records a damaged source left unread, a file's repeated records. */
    private static final Pattern RAW_ROWS = Pattern.compile("not read|repeated");
    /** A count in brackets after what it counts, as the engine ends a field's line or a refusal: "remote (66 records)". */
    private static final Pattern COUNTED = Pattern.compile("\\((\\d[\\d,]*) record(s?)\\)");

    private SessionWords() {
    }

    /** An engine count's name as the window says it: "source records" is "source sessions", "source records not read" stays. */
    public static String countName(String name) {
        if (RAW_ROWS.matcher(name).find()) {
            return name;
        }
        return RECORD.matcher(RECORDS.matcher(name).replaceAll("sessions")).replaceAll("session");
    }

    /** An engine sentence with its bracketed counts of records said as sessions: "cannot hold remote (66 sessions)". */
    public static String counted(String sentence) {
        return COUNTED.matcher(sentence).replaceAll("($1 session$2)");
    }
}
