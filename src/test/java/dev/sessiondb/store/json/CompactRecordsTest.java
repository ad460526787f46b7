package dev.sessiondb.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record copied token by token is the text the record gives, or other text that parses back to it. */
class CompactRecordsTest {

    @TempDir
    Path dir;

    @Test
    void aMinskyRecordsCopyIsItsCompactText() {
        List<SessionRecord> records = SampleSessions.minskyList(300, 12);
        Path file = dir.resolve("s.json");
        try (SessionStore store = JsonFileStore.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(records.iterator(), records.size()), ProgressMonitor.NONE);
        }

        List<CompactRecords.Compact> copied = readAll(file);

        assertThat(copied).hasSize(300);
        for (int i = 0; i < records.size(); i++) {
            assertThat(copied.get(i).key()).isEqualTo(records.get(i).key());
            assertThat(new String(copied.get(i).text(), StandardCharsets.UTF_8)).isEqualTo(records.get(i).compact());
        }
        assertThat(copied.get(1).offset()).isGreaterThan(copied.get(0).offset());
    }

    @Test
    void numbersKeepTheirWrittenFormAndEveryValueParsesBack() throws Exception {
        Path file = dir.resolve("odd.json");
        String record = "{\"session\":\"s\\u00e9\\\"1\",\"n\":[1.50,1e3,-0,12345678901234567890],\"o\":{\"e\":{},\"a\":[],"
                + "\"t\":true,\"f\":false,\"z\":null},\"u\":\"\\ud83d\\ude00 \\u2028\"}";
        Files.writeString(file, "{\"sessions\": [\n  " + record + "\n]}\n", StandardCharsets.UTF_8);

        CompactRecords.Compact copied = readAll(file).get(0);

        String text = new String(copied.text(), StandardCharsets.UTF_8);
        assertThat(copied.key()).isEqualTo("sé\"1");
        assertThat(text).contains("[1.50,1e3,-0,12345678901234567890]");
        assertThat(JsonCodec.parse(text)).isEqualTo(JsonCodec.parse(record));
        assertThat(copied.offset()).as("after {\"sessions\": [, the newline and the indent").isEqualTo(17);
    }

    @Test
    void aRecordWithoutKeyStopsTheReadNamingIt() throws Exception {
        Path file = dir.resolve("nokey.json");
        Files.writeString(file, "[{\"session\":\"a\"},{\"name\":\"b\"}]", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("record 2 has no 'session' field");
    }

    private static List<CompactRecords.Compact> readAll(Path file) {
        List<CompactRecords.Compact> copied = new ArrayList<>();
        try (CompactRecords records = new CompactRecords(file, ReadCheck.none())) {
            records.forEachRemaining(copied::add);
        }
        return copied;
    }
}
