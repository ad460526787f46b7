package dev.sessiondb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            2025-05-16T22:16:33.321Z,       2025-05-16T22:16:33.321Z
            2025-05-16T22:16:33Z,           2025-05-16T22:16:33Z
            2025-05-17T00:16:33.321+02:00,  2025-05-16T22:16:33.321Z
            2025-05-16 22:16:33,            2025-05-16T22:16:33Z
            2025-05-16T22:16:33.321,        2025-05-16T22:16:33.321Z
            1747433793321,                  2025-05-16T22:16:33.321Z
            2024-02-29T23:59:59.999Z,       2024-02-29T23:59:59.999Z
            """)
    void parsesTheDateShapesSeenInRealStores(String text, String expected) {
        Timestamp timestamp = Timestamp.parse(text);
        assertThat(timestamp.instant()).isEqualTo(Instant.parse(expected));
        assertThat(timestamp.text()).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"2025-02-30T00:00:00Z", "2025-13-01T00:00:00Z", "2025-05-16T24:00:00Z", "2025-05-16T22:16:60Z", "2025-05-16T22:16:33.32xZ"})
    void datesThatDoNotExistDoNotParse(String text) {
        assertThat(Timestamp.parse(text).isValid()).isFalse();
    }

    @Test
    void keepsTheOriginalTextWhenItDoesNotParse() {
        Timestamp timestamp = Timestamp.parse("last tuesday");
        assertThat(timestamp.isValid()).isFalse();
        assertThat(timestamp.text()).isEqualTo("last tuesday");
        assertThat(timestamp.sortable()).isEmpty();
    }

    @Test
    void sortableTextOrdersLikeTheInstants() {
        String earlier = Timestamp.parse("2025-05-16T22:16:33Z").sortable().orElseThrow();
        String later = Timestamp.parse("2025-05-16T22:16:33.5Z").sortable().orElseThrow();
        assertThat(earlier).isEqualTo("2025-05-16T22:16:33.000Z");
        assertThat(earlier).isLessThan(later);
    }

    /** The hand-made text against the formatter it stands for, over instants from year 0 to 9999 and beyond. */
    @Test
    void sortableTextIsTheFixedWidthFormattersText() {
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        Random random = new Random(20261203);
        long firstSecond = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long lastSecond = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        List<Instant> instants = new ArrayList<>(List.of(Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2024-02-29T23:59:59.9999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z")));
        for (int i = 0; i < 20_000; i++) {
            instants.add(Instant.ofEpochSecond(firstSecond + (long) (random.nextDouble() * (lastSecond - firstSecond)), random.nextInt(1_000_000_000)));
        }
        for (Instant instant : instants) {
            assertThat(Timestamp.of(instant).sortable()).as(instant.toString()).contains(formatter.format(instant));
        }
    }

    /** The plain shape read by hand against java.time, over fields in and out of range (days past a month's end, hour 24, second 60). */
    @Test
    void plainUtcTextParsesAsJavaTimeReadsItsFields() {
        Random random = new Random(20261203);
        List<String> texts = new ArrayList<>(List.of("2024-02-29T12:00:00Z", "2023-02-29T12:00:00Z", "2000-02-29T00:00:00.001Z", "1900-02-29T00:00:00Z",
                "0000-01-01T00:00:00Z", "0000-02-29T23:59:59.999Z", "9999-12-31T23:59:59.999Z", "2025-04-31T00:00:00Z", "2025-00-10T00:00:00Z"));
        for (int i = 0; i < 50_000; i++) {
            String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d", random.nextInt(10_000), random.nextInt(14), random.nextInt(33),
                    random.nextInt(26), random.nextInt(62), random.nextInt(62));
            texts.add(random.nextBoolean() ? text + "Z" : text + String.format(".%03dZ", random.nextInt(1000)));
        }
        for (String text : texts) {
            Instant expected;
            try {
                expected = LocalDateTime.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(5, 7)),
                        Integer.parseInt(text.substring(8, 10)), Integer.parseInt(text.substring(11, 13)), Integer.parseInt(text.substring(14, 16)),
                        Integer.parseInt(text.substring(17, 19)), text.length() == 24 ? Integer.parseInt(text.substring(20, 23)) * 1_000_000 : 0)
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeException notADate) {
                expected = null;
            }
            assertThat(Timestamp.parse(text).instant()).as(text).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @CsvSource({"2025-05-16T22:16:33Z, true", "2025-05-16T22:16:33.321Z, true", "2025-05-16T22:16:33.5Z, false",
            "2025-05-16T22:16:33.321+02:00, false", "2025-05-16 22:16:33Z, false", "2025-05-16T22:16:3xZ, false",
            "2025-05-16T22:16:33.3210Z, false", "20250516T221633Z, false", "1747433793321, false"})
    void thePlainUtcShapeIsTheCommonestMinskyFormOnly(String text, boolean plain) {
        assertThat(Timestamp.hasPlainUtcShape(text)).isEqualTo(plain);
    }
}
