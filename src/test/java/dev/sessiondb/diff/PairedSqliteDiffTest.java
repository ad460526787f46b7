package dev.sessiondb.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.CancelAfter;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.progress.RecordedProgress;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.PairedTexts;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two SQLite files of the native layout are diffed inside SQLite, with the same findings as a diff of their records. */
class PairedSqliteDiffTest {

    @TempDir
    Path tempDir;

    @Test
    void twoSqliteFilesArePairedInsideSqliteWithTheSameFindingsAsADiffOfTheirRecords() throws Exception {
        // a folder whose name a URI must escape: the second file is attached by URI
        Path dir = Files.createDirectories(tempDir.resolve("stores #1 100% ü"));
        List<SessionRecord> a = new ArrayList<>(SampleSessions.minskyList(300, 3));
        // keys where code point order and UTF-16 order disagree, and keys with separators
        for (String key : List.of("a\uD83D\uDE00", "a\uE000", "line\nbreak", "tab\there", "quote\"d")) {
            a.add(keyed(key));
        }
        List<SessionRecord> b = new ArrayList<>(a.subList(10, a.size()));
        b.remove(keyed("a\uE000"));
        b.add(SampleSessions.minskyRecord(900, 3));
        b.add(keyed("a\uD83D\uDE01"));
        b.set(40, b.get(40).with("branch", "changed-branch"));
        // the same fields in another order: other text, the same record
        b.set(80, CollectedFindings.withFieldsReversed(b.get(80)));
        StoreLocator locatorA = written(dir.resolve("a.db"), a);
        StoreLocator locatorB = written(dir.resolve("b.db"), b);
        String before = digest(dir.resolve("a.db")) + digest(dir.resolve("b.db"));

        try (SessionStore storeA = StoreFactory.open(locatorA, OpenMode.EXISTING); SessionStore storeB = StoreFactory.open(locatorB, OpenMode.EXISTING)) {
            try (PairedTexts pairs = storeA.pairedWith(storeB, ProgressMonitor.NONE).orElseThrow()) {
                List<String> handedOver = new ArrayList<>();
                pairs.forEachRemaining(pair -> handedOver.add(pair.key()));
                assertThat(handedOver).as("only keys on one side or with other text leave SQLite").hasSize(15);
                assertThat(pairs.sameText()).isEqualTo(292);
            }
            CollectedFindings paired = new CollectedFindings();
            DiffSummary summary = new StoreDiff(Set.of()).compare(storeA, storeB, paired, ProgressMonitor.NONE);
            CollectedFindings onRecords = new CollectedFindings();
            DiffSummary recordsSummary = new StoreDiff(Set.of()).compare(a.iterator(), b.iterator(), a.size() + b.size(), onRecords, ProgressMonitor.NONE);

            assertThat(summary).isEqualTo(new DiffSummary(11, 2, 1, 293)).isEqualTo(recordsSummary);
            assertThat(paired.events).isEqualTo(onRecords.events);
        }
        assertThat(digest(dir.resolve("a.db")) + digest(dir.resolve("b.db"))).as("both files are read only").isEqualTo(before);
    }

    @Test
    void progressCountsEachRecordOfEachSide() throws Exception {
        List<SessionRecord> a = SampleSessions.minskyList(50, 4);
        List<SessionRecord> b = a.subList(5, 50);
        RecordedProgress monitor = new RecordedProgress();
        try (SessionStore storeA = StoreFactory.open(written(tempDir.resolve("a.db"), a), OpenMode.EXISTING);
             SessionStore storeB = StoreFactory.open(written(tempDir.resolve("b.db"), b), OpenMode.EXISTING)) {
            new StoreDiff(Set.of()).compare(storeA, storeB, new CollectedFindings(), monitor);
        }
        assertThat(monitor.last()).containsExactly(95, 95);
    }

    @Test
    void progressGrowsWhileIdenticalStoresAreComparedAndEndsAtTheirTotal() throws Exception {
        List<SessionRecord> records = SampleSessions.minskyList(9_000, 5);
        RecordedProgress monitor = new RecordedProgress();
        try (SessionStore storeA = StoreFactory.open(written(tempDir.resolve("a.db"), records), OpenMode.EXISTING);
             SessionStore storeB = StoreFactory.open(written(tempDir.resolve("b.db"), records), OpenMode.EXISTING)) {
            assertThat(new StoreDiff(Set.of()).compare(storeA, storeB, new CollectedFindings(), monitor)).isEqualTo(new DiffSummary(0, 0, 0, 9_000));
        }
        assertThat(monitor.reports.size()).as("reported while SQLite compares, not only at the end").isGreaterThan(2);
        assertThat(monitor.reports).allSatisfy(report -> assertThat(report[0]).isBetween(0L, 18_000L))
                .extracting(report -> report[0]).isSorted();
        assertThat(monitor.last()).containsExactly(18_000, 18_000);
    }

    @Test
    void aDamagedRecordWhoseTextDiffersIsNamedWithItsFile() throws Exception {
        List<SessionRecord> records = SampleSessions.minskyList(20, 5);
        Path fileB = tempDir.resolve("b.db");
        try (SessionStore storeA = StoreFactory.open(written(tempDir.resolve("a.db"), records), OpenMode.EXISTING)) {
            written(fileB, records);
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + fileB);
                 PreparedStatement damage = connection.prepareStatement("UPDATE sessions SET record = '{\"session\": ' WHERE session_key = ?")) {
                damage.setString(1, records.get(7).key());
                damage.executeUpdate();
            }
            try (SessionStore storeB = StoreFactory.open(StoreLocator.of(StoreFormat.SQLITE, fileB), OpenMode.EXISTING)) {
                assertThatThrownBy(() -> new StoreDiff(Set.of()).compare(storeA, storeB, new CollectedFindings(), ProgressMonitor.NONE))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("b.db")
                        .hasMessageContaining("session '" + records.get(7).key() + "' holds a damaged record");
            }
        }
    }

    @Test
    void aCancelledDiffReleasesBothFiles() throws Exception {
        List<SessionRecord> records = SampleSessions.minskyList(100, 6);
        StoreLocator locatorA = written(tempDir.resolve("a.db"), records);
        StoreLocator locatorB = written(tempDir.resolve("b.db"), records.subList(0, 90));
        ProgressMonitor cancelling = new CancelAfter(1);
        try (SessionStore storeA = StoreFactory.open(locatorA, OpenMode.EXISTING); SessionStore storeB = StoreFactory.open(locatorB, OpenMode.EXISTING)) {
            assertThatThrownBy(() -> new StoreDiff(Set.of()).compare(storeA, storeB, new CollectedFindings(), cancelling)).isInstanceOf(CancelledException.class);
            // a write needs every reader gone
            storeB.write(WriteBatch.replaceAll(records.iterator(), records.size()), ProgressMonitor.NONE);
            assertThat(storeB.count()).isEqualTo(100);
        }
    }

    @Test
    void onlyTwoSqliteFilesOfTheNativeLayoutArePaired() throws Exception {
        List<SessionRecord> records = SampleSessions.minskyList(10, 8);
        StoreLocator json = StoreLocator.of(StoreFormat.JSON, tempDir.resolve("s.json"));
        try (SessionStore jsonStore = StoreFactory.open(json, OpenMode.CREATE_IF_MISSING)) {
            jsonStore.write(WriteBatch.replaceAll(records.iterator(), records.size()), ProgressMonitor.NONE);
        }
        try (SessionStore sqlite = StoreFactory.open(written(tempDir.resolve("a.db"), records), OpenMode.EXISTING);
             SessionStore jsonStore = StoreFactory.open(json, OpenMode.EXISTING)) {
            assertThat(sqlite.pairedWith(jsonStore, ProgressMonitor.NONE)).isEqualTo(Optional.empty());
            assertThat(jsonStore.pairedWith(sqlite, ProgressMonitor.NONE)).isEqualTo(Optional.empty());
            assertThat(new StoreDiff(Set.of()).compare(sqlite, jsonStore, new CollectedFindings(), ProgressMonitor.NONE)).isEqualTo(new DiffSummary(0, 0, 0, 10));
        }
    }

    private static SessionRecord keyed(String key) {
        return SessionRecord.of(JsonCodec.MAPPER.createObjectNode().put("session", key).put("repoName", "local/minsky"));
    }

    private static StoreLocator written(Path file, List<SessionRecord> records) {
        StoreLocator locator = StoreLocator.of(StoreFormat.SQLITE, file);
        try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(records.iterator(), records.size()), ProgressMonitor.NONE);
        }
        return locator;
    }

    private static String digest(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
