package dev.sessiondb.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON file's records read with their compact text taken from the bytes they were parsed from
 * ({@link JsonRecordReader#openForRecords}): whatever the bytes, each record's compact text is the
 * one its tree gives, which the stores write and hash; taken from the bytes where that is the same text.
 */
class RecordTextAsParsedTest {

    @TempDir
    Path dir;

    @Test
    void aFileInMinskysLayoutGivesItsRecordsCompactTextsFromItsBytes() throws IOException {
        List<SessionRecord> records = SampleSessions.minskyList(500, 31);
        Path file = dir.resolve("s.json");
        StoreContents.create("json:" + file, records);

        List<SessionRecord> read = readAll(file);

        assertThat(read).hasSize(500);
        for (int i = 0; i < records.size(); i++) {
            assertThat(read.get(i).compact()).isEqualTo(records.get(i).compact());
        }
        TokenStrip strip = new TokenStrip();
        for (String pretty : List.of(JsonCodec.pretty(records.get(0).fields()), JsonCodec.pretty(records.get(499).fields()))) {
            byte[] bytes = pretty.getBytes(StandardCharsets.UTF_8);
            strip.strip(bytes, 0, bytes.length, new byte[bytes.length]);
            assertThat(strip.asJacksonWrites()).as("taken from the bytes: %s", pretty).isTrue();
        }
    }

    @Test
    void everyFormJacksonWritesOtherwiseGivesTheTreesText() throws IOException {
        List<String> records = List.of(
                "{\"session\": \"escapes\", \"v\": \"q \\\" b \\\\ n \\n t \\t r \\r b \\b f \\f\"}",
                "{\"session\": \"hex\", \"v\": \"\\u001f \\u001F \\u00e9 \\u0041\"}",
                "{\"session\": \"slash\", \"v\": \"a\\/b\"}",
                "{\"session\": \"pair\", \"v\": \"\\ud83d\\ude00\"}",
                "{\"session\": \"lone\", \"v\": \"\\ud800 x\"}",
                "{\"session\": \"raw\", \"v\": \"\u00e9 \u20ac \ud83d\ude00 \u2028\"}",
                "{\"session\": \"fraction\", \"n\": 1.50, \"m\": -0.0}",
                "{\"session\": \"exponent\", \"n\": [1e3, 2E-2, 3.0e+1]}",
                "{\"session\": \"small exponent\", \"n\": 1e3}",
                "{\"session\": \"small\", \"n\": 0.0000001}",
                "{\"session\": \"minus zero\", \"n\": -0, \"z\": 0}",
                "{\"session\": \"integers\", \"n\": [-12, 0, 7, 123456789012345678901234567890, -9223372036854775808]}",
                "{\"session\": \"empties\", \"o\": { }, \"a\": [\n ], \"s\": \"\", \"t\": true, \"f\": false, \"z\": null}",
                "{\"session\": \"colon \\\": in a string\", \"k:e:y\": \"v:a:l\", \"n\": {\"x\": [1, {\"y\": \"}\"}]}}",
                "\t{ \"session\" :\r\n\"spaced\" , \"deep\" : [ [ [ { \"a\" : [ 1 , 2 ] } ] ] ] }");

        Path file = write("odd.json", "[\n  " + String.join(",\n  ", records) + "\n]\n", StandardCharsets.UTF_8);

        List<SessionRecord> read = readAll(file);

        assertThat(read).extracting(SessionRecord::key).containsExactly("escapes", "hex", "slash", "pair", "lone", "raw", "fraction",
                "exponent", "small exponent", "small", "minus zero", "integers", "empties",
                "colon \": in a string", "spaced");
        for (SessionRecord record : read) {
            assertThat(record.compact()).as(record.key()).isEqualTo(JsonCodec.compact(record.fields()));
        }
        assertThat(read.get(0).compact()).isEqualTo("{\"session\":\"escapes\",\"v\":\"q \\\" b \\\\ n \\n t \\t r \\r b \\b f \\f\"}");
    }

    /** The tree would keep one of the two values, so no text is taken and nothing is copied: the read names the field. */
    @Test
    void aNameRepeatedAtAnyDepthIsAnErrorOfTheRead() throws IOException {
        Map<String, String> repeated = Map.of(
                "{\"session\": \"repeated\", \"a\": 1, \"a\": 2}", "'a'",
                "{\"session\": \"repeated deep\", \"o\": {\"x\": {\"b\": true, \"b\": false}}, \"y\": 1}", "'b'",
                "{\"session\": \"repeated in an array\", \"l\": [{\"c\": null, \"c\": null}]}", "'c'");
        for (Map.Entry<String, String> record : repeated.entrySet()) {
            Path file = write("repeated.json", "[\n  " + record.getKey() + "\n]\n", StandardCharsets.UTF_8);

            assertThatThrownBy(() -> readAll(file)).as(record.getKey()).isInstanceOf(StoreException.class)
                    .hasMessageContaining("field " + record.getValue() + " appears twice in one object at line 2");
        }
    }

    @Test
    void bytesThatAreNotSoundUtf8GiveTheTreesText() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("[{\"session\": \"encoded surrogate\", \"v\": \"".getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        bytes.writeBytes("\"},\n{\"session\": \"overlong\", \"v\": \"".getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(new byte[] {(byte) 0xC1, (byte) 0x81});
        bytes.writeBytes("\"}]".getBytes(StandardCharsets.US_ASCII));
        Path file = Files.write(dir.resolve("unsound.json"), bytes.toByteArray());

        List<SessionRecord> read;
        try {
            read = readAll(file);
        } catch (RuntimeException refused) {
            // the parser may refuse such bytes outright; then no text was taken from them either
            return;
        }
        for (SessionRecord record : read) {
            assertThat(record.compact()).as(record.key()).isEqualTo(JsonCodec.compact(record.fields()));
        }
    }

    @Test
    void recordsAcrossTheParsersBuffersAndLargerThanWhatIsKeptAreTakenWhole() throws IOException {
        List<String> records = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String value = "v\\\"".repeat(i * 7 % 97) + (i % 50 == 0 ? "x ".repeat(70_000 + i) : "");
            records.add("{\n    \"session\": \"k" + i + "\",\n    \"n\": " + i + ",\n    \"v\": \"" + value + "\"\n  }");
            expected.add("{\"session\":\"k" + i + "\",\"n\":" + i + ",\"v\":\"" + value + "\"}");
        }
        Path file = write("long.json", "{\n  \"sessions\": [\n  " + String.join(",\n  ", records) + "\n  ]\n}\n", StandardCharsets.UTF_8);

        assertThat(readAll(file)).extracting(SessionRecord::compact).containsExactlyElementsOf(expected);
    }

    @Test
    void aRecordLongerThanWhatIsKeptAndTheRecordsAfterItGiveTheTreesTexts() throws IOException {
        String longValue = "x\\n".repeat(RetainedInput.MOST_KEPT / 3 + 1000);
        List<String> expected = List.of("{\"session\":\"before\"}", "{\"session\":\"long\",\"v\":\"" + longValue + "\"}",
                "{\"session\":\"after\",\"n\":1}", "{\"session\":\"last\"}");
        String text = "[\n  " + String.join(",\n  ", expected).replace("\":", "\": ") + "\n]\n";

        assertThat(readAll(write("long-record.json", text, StandardCharsets.UTF_8))).extracting(SessionRecord::compact)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aFileWithAByteOrderMarkOrInUtf16GivesTheSameTexts() throws IOException {
        List<SessionRecord> records = SampleSessions.minskyList(30, 5);
        StringBuilder text = new StringBuilder("[\n");
        for (int i = 0; i < records.size(); i++) {
            text.append(i == 0 ? "  " : ",\n  ").append(JsonCodec.pretty(records.get(i).fields()));
        }
        text.append("\n]\n");
        List<String> expected = records.stream().map(SessionRecord::compact).toList();

        assertThat(readAll(write("bom.json", "\ufeff" + text, StandardCharsets.UTF_8))).extracting(SessionRecord::compact)
                .containsExactlyElementsOf(expected);
        assertThat(readAll(write("utf16.json", text.toString(), StandardCharsets.UTF_16LE))).extracting(SessionRecord::compact)
                .containsExactlyElementsOf(expected);
    }

    private Path write(String name, String text, Charset charset) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(charset));
    }

    private static List<SessionRecord> readAll(Path file) {
        List<SessionRecord> read = new ArrayList<>();
        try (JsonRecordReader reader = JsonRecordReader.openForRecords(file)) {
            SessionRecord record;
            while ((record = reader.next()) != null) {
                read.add(record);
            }
        }
        return read;
    }
}
