package dev.sessiondb.ui.common;

import dev.sessiondb.model.Timestamp;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A point in time as the window shows it wherever it lists one: UTC to the minute; a time that does not parse as written. */
public final class ShownTime {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ShownTime() {
    }

    public static String of(Timestamp timestamp) {
        return timestamp.toInstant().map(SHOWN::format).orElse(timestamp.text());
    }
}
