package dev.sessiondb.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record's bytes without the whitespace between its tokens: the text the record gives, or other text that parses back to it. */
class CompactTextTest {

    @TempDir
    Path dir;

    @Test
    void aRecordInMinskysLayoutGivesItsCompactText() throws IOException {
        List<SessionRecord> records = SampleSessions.minskyList(300, 12);
        Path file = dir.resolve("s.json");
        try (SessionStore store = JsonFileStore.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(records.iterator(), records.size()), ProgressMonitor.NONE);
        }

        List<String> texts = compactTexts(file);

        assertThat(texts).hasSize(300);
        for (int i = 0; i < records.size(); i++) {
            assertThat(texts.get(i)).isEqualTo(records.get(i).compact());
        }
    }

    @Test
    void stringsAndNumbersKeepTheirWrittenFormAndTheTextParsesBack() throws Exception {
        String record = "{ \"session\" : \"s \\\" \\\\\" ,\n \"n\": [ 1.50 , 1e3, -0 ],\t\"o\": { \"e\": {}, \"a\": [ ],"
                + " \"t\": true, \"z\": null },\r\n \"u\": \"\\ud83d\\ude00 \u00e9 \\n x \" }";
        Path file = dir.resolve("odd.json");
        Files.writeString(file, "{\"sessions\": [\n  " + record + "\n]}\n", StandardCharsets.UTF_8);

        String text = compactTexts(file).get(0);

        assertThat(text).isEqualTo("{\"session\":\"s \\\" \\\\\",\"n\":[1.50,1e3,-0],\"o\":{\"e\":{},\"a\":[],\"t\":true,\"z\":null},"
                + "\"u\":\"\\ud83d\\ude00 \u00e9 \\n x \"}");
        assertThat(JsonCodec.parse(text)).isEqualTo(JsonCodec.parse(record));
    }

    @Test
    void quotesAndBackslashesAreFoundWhereverTheyFallInAString() throws Exception {
        List<String> values = new ArrayList<>();
        for (int length = 0; length < 20; length++) {
            for (int at = 0; at <= length; at++) {
                String plain = "x".repeat(length);
                values.add(plain.substring(0, at) + "\\\"" + plain.substring(at));
                values.add(plain.substring(0, at) + "\\\\" + plain.substring(at));
                values.add(plain.substring(0, at) + "\\n\u00e9" + plain.substring(at));
            }
        }
        StringBuilder file = new StringBuilder("[\n");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            file.append(i == 0 ? "" : ",\n").append("  {\n    \"session\": \"k").append(i).append("\",\n    \"v\" : \"").append(value).append("\" }");
            expected.add("{\"session\":\"k" + i + "\",\"v\":\"" + value + "\"}");
        }
        Path path = Files.writeString(dir.resolve("strings.json"), file.append("\n]\n").toString(), StandardCharsets.UTF_8);

        assertThat(compactTexts(path)).containsExactlyElementsOf(expected);
    }

    @Test
    void recordsTakenInAnyOrderAcrossSegmentBoundariesAreTakenWhole() throws IOException {
        SessionRecord large = SessionRecord.of(JsonCodec.MAPPER.createObjectNode().put("session", "big").put("notes", "x ".repeat(300_000)));
        List<SessionRecord> records = new ArrayList<>(SampleSessions.minskyList(40, 2));
        records.add(17, large);
        Path file = dir.resolve("many.json");
        try (SessionStore store = JsonFileStore.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(records.iterator(), records.size()), ProgressMonitor.NONE);
        }
        List<String> expected = records.stream().map(SessionRecord::compact).toList();

        for (long segment : List.of(CompactText.SEGMENT, 4096L, 1000L)) {
            List<String> backwards = compactTexts(file, segment, true);
            Collections.reverse(backwards);
            assertThat(backwards).as("segments of %d bytes", segment).containsExactlyElementsOf(expected);
        }
    }

    private static List<String> compactTexts(Path file) throws IOException {
        return compactTexts(file, CompactText.SEGMENT, false);
    }

    /** Each record's compact text in file order, taken from the last to the first when {@code backwards}. */
    private static List<String> compactTexts(Path file, long segment, boolean backwards) throws IOException {
        List<RecordSpans.Span> found = new ArrayList<>();
        try (RecordSpans spans = new RecordSpans(file, ReadCheck.none())) {
            spans.forEachRemaining(found::add);
        }
        int longest = found.stream().mapToInt(span -> Math.toIntExact(span.end() - span.start())).max().orElse(0);
        if (backwards) {
            Collections.reverse(found);
        }
        List<String> texts = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            CompactText compact = new CompactText(channel, longest, segment);
            for (RecordSpans.Span span : found) {
                texts.add(new String(compact.take(span.start(), span.end()), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }
}
