package dev.sessiondb.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.CancelAfter;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.KeyedText;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.TextCursor;
import dev.sessiondb.store.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JSON file is diffed on its keys and places sorted in memory, each record's text then taken from the file in key order. */
class JsonFileDiffTest {

    @TempDir
    Path tempDir;

    @Test
    void aJsonFileOutOfKeyOrderDiffsAsItsRecordsDo() {
        List<SessionRecord> a = new ArrayList<>(SampleSessions.minskyList(400, 3));
        // keys Java orders one way and the SQL stores the other
        a.add(keyed("a\uD83D\uDE00"));
        a.add(keyed("a\uE000"));
        Collections.shuffle(a, new Random(5));
        List<SessionRecord> b = new ArrayList<>(a.subList(30, a.size()));
        b.add(SampleSessions.minskyRecord(900, 3));
        b.set(10, b.get(10).with("branch", "changed-branch"));
        b.set(20, CollectedFindings.withFieldsReversed(b.get(20)));
        StoreLocator json = written(StoreLocator.of(StoreFormat.JSON, tempDir.resolve("a.json")), a);
        StoreLocator sqlite = written(StoreLocator.of(StoreFormat.SQLITE, tempDir.resolve("b.db")), b);

        CollectedFindings onRecords = new CollectedFindings();
        DiffSummary expected = new StoreDiff(Set.of()).compare(a.iterator(), b.iterator(), a.size() + b.size(), onRecords, ProgressMonitor.NONE);
        try (SessionStore jsonStore = StoreFactory.openToReadThrough(json); SessionStore sqliteStore = StoreFactory.open(sqlite, OpenMode.EXISTING)) {
            CollectedFindings onTexts = new CollectedFindings();
            DiffSummary summary = new StoreDiff(Set.of()).compare(jsonStore, sqliteStore, onTexts, ProgressMonitor.NONE);

            assertThat(summary).isEqualTo(new DiffSummary(30, 1, 1, a.size() - 31)).isEqualTo(expected);
            assertThat(onTexts.events).isEqualTo(onRecords.events);
            assertThat(jsonStore.knownCount()).as("the diff's read checked the file").hasValue(a.size());
        }
    }

    @Test
    void eachTextIsTheRecordsCompactTextAndNothingIsTakenFromAFileThatChanged() throws Exception {
        List<SessionRecord> records = new ArrayList<>(SampleSessions.minskyList(50, 4));
        Collections.reverse(records);
        StoreLocator json = written(StoreLocator.of(StoreFormat.JSON, tempDir.resolve("s.json")), records);
        long[] read = {0};

        try (SessionStore store = StoreFactory.open(json, OpenMode.EXISTING);
             TextCursor texts = store.compactTextsInKeyOrder(() -> read[0]++, ProgressMonitor.NONE).orElseThrow()) {
            assertThat(read[0]).isEqualTo(50);
            List<KeyedText> all = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                all.add(texts.next());
            }
            assertThat(all).extracting(KeyedText::key).isSortedAccordingTo(String::compareTo);
            for (KeyedText text : all) {
                SessionRecord record = text.record().get();
                assertThat(record.key()).isEqualTo(text.key());
                assertThat(new String(text.text(), StandardCharsets.UTF_8)).isEqualTo(record.compact());
            }

            Files.writeString(tempDir.resolve("s.json"), "[]", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> all.get(0).record().get())
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("s.json: the file changed while it was compared; compare again");
            assertThatThrownBy(() -> texts.forEachRemaining(text -> { }))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("s.json: the file changed while it was compared; compare again");
        }
    }

    @Test
    void aKeyTwiceInTheFileStopsTheDiffNamingBothRecords() throws Exception {
        Path file = tempDir.resolve("twice.json");
        Files.writeString(file, "[{\"session\":\"x\"},{\"session\":\"y\"},{\"session\":\"x\",\"repoName\":\"r\"}]", StandardCharsets.UTF_8);
        StoreLocator sqlite = written(StoreLocator.of(StoreFormat.SQLITE, tempDir.resolve("b.db")), List.of(keyed("x")));

        try (SessionStore jsonStore = StoreFactory.openToReadThrough(StoreLocator.of(StoreFormat.JSON, file));
             SessionStore sqliteStore = StoreFactory.open(sqlite, OpenMode.EXISTING)) {
            assertThatThrownBy(() -> new StoreDiff(Set.of()).compare(sqliteStore, jsonStore, new CollectedFindings(), ProgressMonitor.NONE))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("session 'x' appears twice, in record 1")
                    .hasMessageContaining("and in record 3");
        }
    }

    @Test
    void aFileInUtf16OrWithAByteOrderMarkDiffsAsItsRecordsDo() throws Exception {
        List<SessionRecord> records = SampleSessions.minskyList(40, 8);
        StoreLocator json = written(StoreLocator.of(StoreFormat.JSON, tempDir.resolve("utf8.json")), records);
        String text = Files.readString(json.path(), StandardCharsets.UTF_8);
        Path utf16 = Files.writeString(tempDir.resolve("utf16.json"), text, StandardCharsets.UTF_16LE);
        Path marked = Files.writeString(tempDir.resolve("bom.json"), "\uFEFF" + text, StandardCharsets.UTF_8);
        List<SessionRecord> changed = new ArrayList<>(records);
        changed.set(5, changed.get(5).with("branch", "changed-branch"));
        StoreLocator sqlite = written(StoreLocator.of(StoreFormat.SQLITE, tempDir.resolve("b.db")), changed);

        for (Path file : List.of(utf16, marked)) {
            try (SessionStore jsonStore = StoreFactory.openToReadThrough(StoreLocator.of(StoreFormat.JSON, file));
                 SessionStore sqliteStore = StoreFactory.open(sqlite, OpenMode.EXISTING)) {
                CollectedFindings findings = new CollectedFindings();
                assertThat(new StoreDiff(Set.of()).compare(jsonStore, sqliteStore, findings, ProgressMonitor.NONE))
                        .as(file.getFileName().toString()).isEqualTo(new DiffSummary(0, 0, 1, 39));
                assertThat(findings.events).singleElement().asString().startsWith("changed " + records.get(5).key() + " ");
            }
        }
    }

    @Test
    void twoJsonFilesDiffAsTheirRecordsDo() {
        List<SessionRecord> a = new ArrayList<>(SampleSessions.minskyList(600, 3));
        Collections.shuffle(a, new Random(11));
        List<SessionRecord> b = new ArrayList<>(a.subList(25, a.size()));
        b.add(SampleSessions.minskyRecord(900, 3));
        b.set(40, b.get(40).with("branch", "changed-branch"));
        Collections.shuffle(b, new Random(12));
        StoreLocator first = written(StoreLocator.of(StoreFormat.JSON, tempDir.resolve("a.json")), a);
        StoreLocator second = written(StoreLocator.of(StoreFormat.JSON, tempDir.resolve("b.json")), b);

        CollectedFindings onRecords = new CollectedFindings();
        DiffSummary expected = new StoreDiff(Set.of()).compare(a.iterator(), b.iterator(), a.size() + b.size(), onRecords, ProgressMonitor.NONE);
        try (SessionStore storeA = StoreFactory.openToReadThrough(first); SessionStore storeB = StoreFactory.openToReadThrough(second)) {
            CollectedFindings onTexts = new CollectedFindings();
            DiffSummary summary = new StoreDiff(Set.of()).compare(storeA, storeB, onTexts, ProgressMonitor.NONE);

            assertThat(summary).isEqualTo(new DiffSummary(25, 1, 1, a.size() - 26)).isEqualTo(expected);
            assertThat(onTexts.events).isEqualTo(onRecords.events);
        }
    }

    @Test
    void aBrokenFileOnEitherSideStopsTheDiffWithItsOwnMessage() throws Exception {
        List<SessionRecord> records = SampleSessions.minskyList(3_000, 5);
        StoreLocator sound = written(StoreLocator.of(StoreFormat.JSON, tempDir.resolve("sound.json")), records);
        Path broken = Files.writeString(tempDir.resolve("broken.json"), "[{\"session\":\"x\"},{\"session\":", StandardCharsets.UTF_8);
        StoreLocator brokenStore = StoreLocator.of(StoreFormat.JSON, broken);

        for (boolean brokenFirst : List.of(true, false)) {
            try (SessionStore a = StoreFactory.openToReadThrough(brokenFirst ? brokenStore : sound);
                 SessionStore b = StoreFactory.openToReadThrough(brokenFirst ? sound : brokenStore)) {
                assertThatThrownBy(() -> new StoreDiff(Set.of()).compare(a, b, new CollectedFindings(), ProgressMonitor.NONE))
                        .as("broken file first: %s", brokenFirst)
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("broken.json");
            }
        }
    }

    @Test
    void aCancelStopsTheReadOfTheFile() {
        List<SessionRecord> records = SampleSessions.minskyList(2_000, 6);
        StoreLocator json = written(StoreLocator.of(StoreFormat.JSON, tempDir.resolve("s.json")), records);

        try (SessionStore a = StoreFactory.openToReadThrough(json); SessionStore b = StoreFactory.openToReadThrough(json)) {
            assertThatThrownBy(() -> new StoreDiff(Set.of()).compare(a, b, new CollectedFindings(), new CancelAfter(100)))
                    .isInstanceOf(CancelledException.class);
        }
    }

    private static SessionRecord keyed(String key) {
        return SampleSessions.minskyRecord(Math.abs(key.hashCode()) % 1000, 9).with("session", key);
    }

    private static StoreLocator written(StoreLocator locator, List<SessionRecord> records) {
        try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(records.iterator(), records.size()), ProgressMonitor.NONE);
        }
        return locator;
    }
}
