package dev.sessiondb.model;

import java.nio.charset.StandardCharsets;
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

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long FIRST_FOUR_DIGIT_DAY = CivilCalendar.epochDay(0, 1, 1);
    private static final long LAST_FOUR_DIGIT_DAY = CivilCalendar.epochDay(9999, 12, 31);

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
        return toInstant().map(Timestamp::sortableText);
    }

    /**
     * {@link #SORTABLE}'s text, its digits put in place by hand for the years of four digits: a
     * write of a native store formats two dates per record, and the formatter took four to five
     * times as long (bench/SortableDateBench.java). Other years (a sign, a fifth digit) are the formatter's.
     */
    private static String sortableText(Instant instant) {
        long epochDay = Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
        if (epochDay < FIRST_FOUR_DIGIT_DAY || epochDay > LAST_FOUR_DIGIT_DAY) {
            return SORTABLE.format(instant);
        }
        long yearMonthDay = CivilCalendar.yearMonthDay(epochDay);
        int secondOfDay = (int) Math.floorMod(instant.getEpochSecond(), SECONDS_PER_DAY);
        byte[] text = "0000-00-00T00:00:00.000Z".getBytes(StandardCharsets.US_ASCII);
        putDigits(text, 0, 4, (int) (yearMonthDay / 10_000));
        putDigits(text, 5, 2, (int) (yearMonthDay / 100 % 100));
        putDigits(text, 8, 2, (int) (yearMonthDay % 100));
        putDigits(text, 11, 2, secondOfDay / 3600);
        putDigits(text, 14, 2, secondOfDay / 60 % 60);
        putDigits(text, 17, 2, secondOfDay % 60);
        putDigits(text, 20, 3, instant.getNano() / 1_000_000);
        return new String(text, StandardCharsets.US_ASCII);
    }

    /** Writes {@code value}'s last {@code width} decimal digits at {@code at}, zero-padded. */
    private static void putDigits(byte[] text, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
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
     * Whether the text has the shape nearly every store writes ({@code 2025-05-16T22:16:33Z},
     * optionally with milliseconds): told without a formatter or a regex, which a million
     * records notice.
     */
    public static boolean hasPlainUtcShape(String text) {
        int length = text.length();
        if ((length != 20 && length != 24) || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || (length == 24 && text.charAt(19) != '.')) {
            return false;
        }
        for (int i = 0; i < length - 1; i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && i != 4 && i != 7 && i != 10 && i != 13 && i != 16 && i != 19) {
                return false;
            }
        }
        return true;
    }

    /**
     * A text of {@link #hasPlainUtcShape the plain shape} read without a formatter, its fields
     * checked as {@code LocalDateTime.of} checks them; null for any other text, which the
     * formatters then read.
     */
    private static Instant parsePlainUtc(String text) {
        if (!hasPlainUtcShape(text)) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (month < 1 || month > 12 || day < 1 || day > CivilCalendar.lengthOfMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long epochSecond = CivilCalendar.epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
        return Instant.ofEpochSecond(epochSecond, text.length() == 24 ? digits(text, 20, 3) * 1_000_000L : 0);
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
