package dev.sessiondb.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A moment as a session store wrote it. The original text is always kept, so a record
 * round-trips byte for byte; the instant is present only when the text parses.
 */
public record Timestamp(String text, Instant instant) {

    /** Fixed-width UTC form: sorts as text in the same order as the instants. */
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final List<DateTimeFormatter> LOCAL_FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSS][.SS][.S]"));

    public Timestamp {
        Objects.requireNonNull(text, "text");
    }

    public static Timestamp of(Instant instant) {
        return new Timestamp(instant.toString(), instant);
    }

    /** Reads ISO-8601 with or without offset (no offset means UTC), SQL-style text and epoch milliseconds. */
    public static Timestamp parse(String text) {
        return new Timestamp(text, parseInstant(text.trim()));
    }

    public boolean isValid() {
        return instant != null;
    }

    public Optional<Instant> toInstant() {
        return Optional.ofNullable(instant);
    }

    /** The instant as fixed-width UTC text, or empty when the text did not parse. */
    public Optional<String> sortable() {
        return toInstant().map(SORTABLE::format);
    }

    private static Instant parseInstant(String text) {
        if (text.isEmpty()) {
            return null;
        }
        Instant utc = parsePlainUtc(text);
        if (utc != null) {
            return utc;
        }
        if (text.chars().allMatch(Character::isDigit) && text.length() >= 10 && text.length() <= 13) {
            long value = Long.parseLong(text);
            return text.length() == 10 ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
        }
        try {
            return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException notOffset) {
            for (DateTimeFormatter format : LOCAL_FORMATS) {
                try {
                    return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException tryNext) {
                    // the next format may fit
                }
            }
            return null;
        }
    }

    /**
     * The shape nearly every store writes ({@code 2025-05-16T22:16:33Z}, optionally with
     * milliseconds) read without a formatter, which a million records notice; null for any
     * other text, which the formatters then read.
     */
    private static Instant parsePlainUtc(String text) {
        int length = text.length();
        if ((length != 20 && length != 24) || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || (length == 24 && text.charAt(19) != '.')) {
            return null;
        }
        int[] starts = length == 24 ? new int[] {0, 5, 8, 11, 14, 17, 20} : new int[] {0, 5, 8, 11, 14, 17};
        int[] widths = {4, 2, 2, 2, 2, 2, 3};
        int[] values = new int[7];
        for (int part = 0; part < starts.length; part++) {
            for (int i = starts[part]; i < starts[part] + widths[part]; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                values[part] = values[part] * 10 + (c - '0');
            }
        }
        try {
            return LocalDateTime.of(values[0], values[1], values[2], values[3], values[4], values[5], values[6] * 1_000_000)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException notADate) {
            return null;
        }
    }
}
