package dev.sessiondb.model;

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
}
