package dev.sessiondb.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Two SQL stores are diffed on the text they keep (two SQLite files inside SQLite), with the same result as a diff of their records. */
class StoredTextDiffTest {

    @TempDir
    Path tempDir;

    static Stream<Arguments> secondStores() {
        return Stream.of(
                Arguments.of("sqlite", (Function<Path, StoreLocator>) dir -> StoreLocator.parse("sqlite:" + dir.resolve("b.db"))),
                Arguments.of("postgresql", (Function<Path, StoreLocator>) dir -> TestPostgres.get().freshSchema()));
    }

    @ParameterizedTest(name = "sqlite against {0}")
    @MethodSource("secondStores")
    void onlyRecordsWhoseTextDiffersAreComparedFieldByField(String name, Function<Path, StoreLocator> secondStore) {
        List<SessionRecord> a = SampleSessions.minskyList(500, 7);
        List<SessionRecord> b = new ArrayList<>(a.subList(20, 500));
        b.add(SampleSessions.minskyRecord(900, 7));
        b.set(100, b.get(100).with("branch", "changed-branch"));
        // the same fields in another order: other text, the same record
        b.set(200, CollectedFindings.withFieldsReversed(b.get(200)));
        StoreLocator locatorA = StoreLocator.parse("sqlite:" + tempDir.resolve("a.db"));
        StoreLocator locatorB = secondStore.apply(tempDir);
        write(locatorA, a);
        write(locatorB, b);

        try (SessionStore storeA = StoreFactory.open(locatorA, OpenMode.EXISTING); SessionStore storeB = StoreFactory.open(locatorB, OpenMode.EXISTING)) {
            CollectedFindings onTexts = new CollectedFindings();
            DiffSummary summary = new StoreDiff(Set.of()).compare(storeA, storeB, onTexts, ProgressMonitor.NONE);
            CollectedFindings onRecords = new CollectedFindings();
            DiffSummary recordsSummary = new StoreDiff(Set.of()).compare(a.iterator(), b.iterator(), 981, onRecords, ProgressMonitor.NONE);

            assertThat(summary).isEqualTo(new DiffSummary(20, 1, 1, 479)).isEqualTo(recordsSummary);
            assertThat(onTexts.events).isEqualTo(onRecords.events);
        }
    }

    private static void write(StoreLocator locator, List<SessionRecord> records) {
        try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            Iterator<SessionRecord> iterator = records.iterator();
            store.write(WriteBatch.replaceAll(iterator, records.size()), ProgressMonitor.NONE);
        }
    }
}
