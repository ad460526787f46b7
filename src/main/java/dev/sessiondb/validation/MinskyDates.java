package dev.sessiondb.validation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Dates the way Minsky writes them ({@code new Date().toISOString()}): UTC with milliseconds. */
public final class MinskyDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private MinskyDates() {
    }

    /** Milliseconds as Minsky writes them; finer precision, when the source had it, is kept rather than cut. */
    public static String format(Instant instant) {
        return instant.getNano() % 1_000_000 == 0 ? FORMAT.format(instant) : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
