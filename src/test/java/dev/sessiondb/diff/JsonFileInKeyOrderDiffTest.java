package dev.sessiondb.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.BinaryKeyOrder;
import dev.sessiondb.store.KeyedText;
import dev.sessiondb.store.KeysOutOfOrder;
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
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON file whose records come in key order (one this tool wrote) is diffed in one read, its
 * findings held until the read ends in order; a key out of order, or more findings than are held,
 * and the diff starts again on the file's keys sorted, finding exactly what the records hold.
 */
class JsonFileInKeyOrderDiffTest {

    @TempDir
    Path tempDir;

    @Test
    void aFileInKeyOrderIsReadOnceAsItsRecordsCompactTextsAndCheckedByThatRead() {
        List<SessionRecord> records = inKeyOrder(SampleSessions.minskyList(300, 4));
        StoreLocator json = written("in-order.json", StoreFormat.JSON, records);

        try (SessionStore store = StoreFactory.openToReadThrough(json);
             TextCursor texts = store.compactTextsWhileInKeyOrder().orElseThrow()) {
            List<KeyedText> all = new ArrayList<>();
            texts.forEachRemaining(all::add);

            assertThat(all).extracting(KeyedText::key).containsExactlyElementsOf(records.stream().map(SessionRecord::key).toList());
            for (KeyedText text : all) {
                assertThat(new String(text.text(), StandardCharsets.UTF_8)).isEqualTo(text.record().get().compact());
            }
            assertThat(store.knownCount()).as("the one read checked the file").hasValue(records.size());
        }
    }

    /** A key twice stops it too, or the file's check does first: {@link #aKeyTwiceInAFileInKeyOrderStopsTheDiffNamingBothRecords}. */
    @Test
    void aKeyBeforeTheOneBeforeStopsTheReadNamingBoth() throws Exception {
        Path backwards = Files.writeString(tempDir.resolve("backwards.json"),
                "[{\"session\":\"a\"},{\"session\":\"c\"},{\"session\":\"b\"}]", StandardCharsets.UTF_8);

        try (SessionStore store = StoreFactory.openToReadThrough(StoreLocator.of(StoreFormat.JSON, backwards));
             TextCursor texts = store.compactTextsWhileInKeyOrder().orElseThrow()) {
            assertThat(texts.next().key()).isEqualTo("a");
            assertThat(texts.next().key()).isEqualTo("c");
            assertThatThrownBy(texts::next)
                    .isInstanceOf(KeysOutOfOrder.class)
                    .hasMessageContaining("session b came after c");
        }
    }

    @Test
    void aFileInKeyOrderDiffsAgainstSqliteAsItsRecordsDo() {
        List<SessionRecord> a = inKeyOrder(SampleSessions.minskyList(500, 3));
        List<SessionRecord> b = new ArrayList<>(a.subList(20, a.size()));
        b.add(SampleSessions.minskyRecord(900, 3));
        b.set(10, b.get(10).with("branch", "changed-branch"));
        b.set(30, CollectedFindings.withFieldsReversed(b.get(30)));

        assertDiffsAsTheRecordsDo(a, b, StoreDiff.DEFAULT_BUFFER_CHARS, new DiffSummary(20, 1, 1, a.size() - 21));
    }

    /** As Minsky leaves a file this tool wrote: a session added at the end, out of key order. */
    @Test
    void aFileInKeyOrderUpToItsLastRecordFindsWhatItsRecordsDo() {
        List<SessionRecord> a = inKeyOrder(SampleSessions.minskyList(400, 5));
        SessionRecord appended = a.remove(200);
        a.add(appended);
        // the other store holds the appended session and lacks those around it: a merge that trusted
        // the file's order would call the appended session only in B before it came
        List<SessionRecord> b = new ArrayList<>(a.subList(0, 190));
        b.add(appended);

        assertDiffsAsTheRecordsDo(a, b, StoreDiff.DEFAULT_BUFFER_CHARS, new DiffSummary(a.size() - 191, 0, 0, 191));
    }

    @Test
    void moreFindingsThanAreHeldStartTheDiffAgainAndLoseNone() {
        List<SessionRecord> a = inKeyOrder(SampleSessions.minskyList(600, 6));
        List<SessionRecord> b = new ArrayList<>();
        for (int i = 0; i < a.size(); i += 2) {
            b.add(a.get(i).with("branch", "changed-" + i));
        }

        assertDiffsAsTheRecordsDo(a, b, 2_000, new DiffSummary(300, 0, 300, 0));
    }

    @Test
    void aKeyTwiceInAFileInKeyOrderStopsTheDiffNamingBothRecords() throws Exception {
        Path file = Files.writeString(tempDir.resolve("twice.json"),
                "[{\"session\":\"x\"},{\"session\":\"x\",\"repoName\":\"r\"},{\"session\":\"y\"}]", StandardCharsets.UTF_8);
        StoreLocator sqlite = written("b.db", StoreFormat.SQLITE, List.of(SampleSessions.minskyRecord(1, 1).with("session", "x")));

        try (SessionStore jsonStore = StoreFactory.openToReadThrough(StoreLocator.of(StoreFormat.JSON, file));
             SessionStore sqliteStore = StoreFactory.open(sqlite, OpenMode.EXISTING)) {
            assertThatThrownBy(() -> new StoreDiff(Set.of()).compare(jsonStore, sqliteStore, new CollectedFindings(), ProgressMonitor.NONE))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("session 'x' appears twice, in record 1")
                    .hasMessageContaining("and in record 2");
        }
    }

    private void assertDiffsAsTheRecordsDo(List<SessionRecord> a, List<SessionRecord> b, long bufferChars, DiffSummary summary) {
        StoreLocator json = written("a.json", StoreFormat.JSON, a);
        StoreLocator sqlite = written("b.db", StoreFormat.SQLITE, b);
        CollectedFindings onRecords = new CollectedFindings();
        DiffSummary expected = new StoreDiff(Set.of()).compare(a.iterator(), b.iterator(), a.size() + b.size(), onRecords, ProgressMonitor.NONE);

        for (boolean jsonFirst : List.of(true, false)) {
            try (SessionStore jsonStore = StoreFactory.openToReadThrough(json); SessionStore sqliteStore = StoreFactory.open(sqlite, OpenMode.EXISTING)) {
                CollectedFindings onTexts = new CollectedFindings();
                DiffSummary found = jsonFirst
                        ? new StoreDiff(Set.of(), bufferChars).compare(jsonStore, sqliteStore, onTexts, ProgressMonitor.NONE)
                        : new StoreDiff(Set.of(), bufferChars).compare(sqliteStore, jsonStore, onTexts, ProgressMonitor.NONE);

                if (jsonFirst) {
                    assertThat(found).isEqualTo(summary).isEqualTo(expected);
                    assertThat(onTexts.events).isEqualTo(onRecords.events);
                } else {
                    assertThat(found).isEqualTo(new DiffSummary(summary.onlyInB(), summary.onlyInA(), summary.changed(), summary.identical()));
                }
            }
        }
    }

    private static List<SessionRecord> inKeyOrder(List<SessionRecord> records) {
        List<SessionRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(SessionRecord::key, BinaryKeyOrder.ORDER));
        return sorted;
    }

    private StoreLocator written(String name, StoreFormat format, List<SessionRecord> records) {
        StoreLocator locator = StoreLocator.of(format, tempDir.resolve(name));
        try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(records.iterator(), records.size()), ProgressMonitor.NONE);
        }
        return locator;
    }
}
