package dev.sessiondb.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.Fixtures;
import dev.sessiondb.JavaProcess;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.CancelAfter;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.PausedBatchWriter;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreInfo;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFileStoreTest {

    @TempDir
    Path dir;

    private static SessionStore open(Path file) {
        return JsonFileStore.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.EXISTING);
    }

    private static List<SessionRecord> readAll(SessionStore store) {
        List<SessionRecord> records = new ArrayList<>();
        try (RecordCursor cursor = store.cursor()) {
            cursor.forEachRemaining(records::add);
        }
        return records;
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.MINSKY_ARRAY, Fixtures.MINSKY_BACKUP})
    void bothFixtureFilesReadAsTheSame217RecordsInFileOrder(String fixture) {
        try (SessionStore store = open(Fixtures.copy(fixture, dir))) {
            assertThat(readAll(store)).containsExactlyElementsOf(Fixtures.minskyRecords());
            assertThat(store.count()).isEqualTo(Fixtures.MINSKY_COUNT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.MINSKY_ARRAY, Fixtures.MINSKY_BACKUP})
    void rewritingAFixtureUnchangedGivesTheSameBytes(String fixture) throws IOException {
        Path file = Fixtures.copy(fixture, dir);
        byte[] original = Files.readAllBytes(file);
        try (SessionStore store = open(file)) {
            store.write(WriteBatch.upsert(Collections.emptyIterator(), 0), ProgressMonitor.NONE);
            assertThat(Files.readAllBytes(file)).isEqualTo(original);

            SessionRecord middle = store.get("task#079").orElseThrow();
            store.put(middle);
            assertThat(Files.readAllBytes(file)).isEqualTo(original);

            List<SessionRecord> all = readAll(store);
            store.write(WriteBatch.replaceAll(all.iterator(), all.size()), ProgressMonitor.NONE);
            assertThat(Files.readAllBytes(file)).isEqualTo(original);
        }
    }

    @Test
    void aChangedRecordStaysInItsPlaceAndANewOneIsAppended() throws IOException {
        Path file = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        try (SessionStore store = open(file)) {
            SessionRecord third = readAll(store).get(2);
            store.put(third.with("branch", "renamed"));
            store.put(third.with("session", "brand-new"));

            List<SessionRecord> after = readAll(store);
            assertThat(after.get(2).branch()).contains("renamed");
            assertThat(after.get(after.size() - 1).key()).isEqualTo("brand-new");
            assertThat(after).hasSize(Fixtures.MINSKY_COUNT + 1);
        }
    }

    @Test
    void theBackupWrapperKeepsItsFieldsInOrderAfterAWrite() throws IOException {
        Path file = Fixtures.copy(Fixtures.MINSKY_BACKUP, dir);
        try (SessionStore store = open(file)) {
            store.delete("task#079");
        }
        String text = Files.readString(file);
        assertThat(text).startsWith("{\n  \"timestamp\": \"2025-06-23T16:46:12.144Z\",\n  \"version\": \"1.0\",\n  \"data\": {\n    \"sessions\": [\n")
                .endsWith("\"\n  }\n}\n").doesNotContain("\"task#079\"");
        assertThat(JsonCodec.MAPPER.readTree(text).path("data").path("baseDir").isTextual()).isTrue();
    }

    @Test
    void aSessionsObjectKeepsTheFieldsAroundTheArray() throws IOException {
        Path file = dir.resolve("sessions.json");
        Files.writeString(file, "{\"baseDir\": \"/state\", \"sessions\": [{\"session\": \"a\", \"n\": 1.50}], \"note\": {\"x\": [1, 2]}}");
        try (SessionStore store = open(file)) {
            store.put(SessionRecord.of(JsonCodec.parseObject("{\"session\": \"b\"}")));
            assertThat(store.info().schemaVersion()).isEqualTo("sessions object");
        }
        assertThat(Files.readString(file)).isEqualTo("""
                {
                  "baseDir": "/state",
                  "sessions": [
                    {
                      "session": "a",
                      "n": 1.50
                    },
                    {
                      "session": "b"
                    }
                  ],
                  "note": {
                    "x": [
                      1,
                      2
                    ]
                  }
                }""");
    }

    @Test
    void aTopLevelDataObjectWithoutSessionsIsAnOrdinaryField() throws IOException {
        Path file = dir.resolve("sessions.json");
        String text = "{\n  \"data\": {\n    \"note\": 1\n  },\n  \"sessions\": [\n    {\n      \"session\": \"a\"\n    }\n  ]\n}\n";
        Files.writeString(file, text);
        try (SessionStore store = open(file)) {
            assertThat(store.info().schemaVersion()).isEqualTo("sessions object");
            store.put(store.get("a").orElseThrow());
        }
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void aWriterKilledMidWriteLeavesTheFileByteIdenticalAndTheNextWriteClearsItsTempFile() throws Exception {
        Path file = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        byte[] original = Files.readAllBytes(file);
        Process writer = JavaProcess.of(PausedBatchWriter.class, "json:" + file, "400").redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(output.readLine()).isEqualTo(PausedBatchWriter.HALFWAY);
            writer.destroyForcibly();
            writer.waitFor(1, TimeUnit.MINUTES);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).anyMatch(name -> name.endsWith(".tmp"));
        }

        try (SessionStore store = open(file)) {
            assertThat(store.count()).isEqualTo(Fixtures.MINSKY_COUNT);
            store.delete("task#079");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void infoTellsFormatLayoutShapeCountAndLastModified() throws IOException {
        Path array = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path backup = Fixtures.copy(Fixtures.MINSKY_BACKUP, dir);
        try (SessionStore arrayStore = open(array); SessionStore backupStore = open(backup)) {
            StoreInfo info = arrayStore.info();
            assertThat(info.format()).isEqualTo(StoreFormat.JSON);
            assertThat(info.layout()).isEqualTo(StoreLayout.MINSKY);
            assertThat(info.schemaVersion()).isEqualTo("bare array");
            assertThat(info.recordCount()).isEqualTo(Fixtures.MINSKY_COUNT);
            assertThat(info.lastModified()).isEqualTo(Files.getLastModifiedTime(array).toInstant());
            assertThat(backupStore.info().schemaVersion()).isEqualTo("backup wrapper 1.0");
        }
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsWritten() throws IOException {
        Path target = Fixtures.copy(Fixtures.MINSKY_ARRAY, Files.createDirectory(dir.resolve("real")));
        Path link = Files.createSymbolicLink(dir.resolve("session-db.json"), target);
        try (SessionStore store = open(link)) {
            store.delete("task#079");
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        try (SessionStore store = open(target)) {
            assertThat(store.count()).isEqualTo(Fixtures.MINSKY_COUNT - 1);
        }
    }

    @Test
    void openingAnExistingStoreNeverCreatesOne() {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> open(missing)).isInstanceOf(StoreException.class).hasMessageContaining("no such file");
        assertThat(missing).doesNotExist();
    }

    @Test
    void creatingAStoreWritesAnEmptyBareArray() throws IOException {
        Path file = dir.resolve("state/minsky/session-db.json");
        try (SessionStore store = JsonFileStore.open(StoreLocator.of(StoreFormat.JSON, file), OpenMode.CREATE_IF_MISSING)) {
            assertThat(store.count()).isZero();
        }
        assertThat(Files.readString(file)).isEqualTo("[]");
    }

    @Test
    void aCancelledWriteLeavesTheFileByteIdenticalAndNoTempFileBehind() throws IOException {
        Path file = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        byte[] original = Files.readAllBytes(file);
        ProgressMonitor cancelAfterFive = new CancelAfter(5);
        List<SessionRecord> changed = Fixtures.minskyRecords().stream().map(record -> record.with("branch", "x")).toList();
        try (SessionStore store = open(file)) {
            assertThatThrownBy(() -> store.write(WriteBatch.upsert(changed.iterator(), changed.size()), cancelAfterFive))
                    .isInstanceOf(CancelledException.class);
            assertThatThrownBy(() -> store.write(WriteBatch.replaceAll(changed.iterator(), changed.size()), cancelAfterFive))
                    .isInstanceOf(CancelledException.class);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder(file.getFileName().toString(), "." + file.getFileName() + ".lock");
        }
    }

    @Test
    void aWriteByAToolWithoutTheLockDuringOursIsKeptAndOursIsRefused() throws IOException {
        Path file = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        String minskysWrite = "[{\"session\": \"written-by-minsky\"}]";
        ProgressMonitor minskyWritesMeanwhile = new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
                try {
                    Files.writeString(file, minskysWrite);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        try (SessionStore store = open(file)) {
            SessionRecord added = Fixtures.minskyRecords().get(0).with("session", "ours");
            assertThatThrownBy(() -> store.write(WriteBatch.upsert(List.of(added).iterator(), 1), minskyWritesMeanwhile))
                    .isInstanceOf(StoreException.class).hasMessageContaining("another program changed the file during the write");
        }
        assertThat(Files.readString(file)).isEqualTo(minskysWrite);
    }

    @Test
    void aBatchGivingOneKeyTwiceIsRefusedAndChangesNothing() throws IOException {
        Path file = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        byte[] original = Files.readAllBytes(file);
        SessionRecord record = Fixtures.minskyRecords().get(0);
        try (SessionStore store = open(file)) {
            assertThatThrownBy(() -> store.write(WriteBatch.replaceAll(List.of(record, record).iterator(), 2), ProgressMonitor.NONE))
                    .isInstanceOf(StoreException.class).hasMessageContaining("'task#002' twice");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
    }

    @Test
    void pagesComeFromTheFileWithTheReferenceSemantics() throws IOException {
        try (SessionStore store = open(Fixtures.copy(Fixtures.MINSKY_BACKUP, dir))) {
            SessionQuery query = SessionQuery.all().withSearch("task").page(3, 4);
            List<String> expected = Fixtures.minskyRecords().stream().filter(query::matches).sorted(query.comparator())
                    .skip(3).limit(4).map(SessionRecord::key).toList();
            assertThat(store.page(query).records()).extracting(SessionRecord::key).isEqualTo(expected);
            assertThat(store.page(query.page(0, 0)).records()).isEmpty();
        }
    }

    @Test
    void aChangeByAnotherToolIsSeenOnTheNextRead() throws IOException {
        Path file = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        try (SessionStore store = open(file)) {
            assertThat(store.count()).isEqualTo(Fixtures.MINSKY_COUNT);
            Files.writeString(file, "[{\"session\": \"only\"}]", StandardCharsets.UTF_8);
            assertThat(store.count()).isEqualTo(1);
            assertThat(store.unsupportedFields(store.get("only").orElseThrow())).isEqualTo(Set.of());
        }
    }

    @Test
    void aStoreOpenedToBeReadThroughIsCheckedByThatRead() throws IOException {
        Path file = dir.resolve("session-db.json");
        Files.writeString(file, "[\n  {\"session\": \"a\"},\n  {\"session\": \"b\"},\n  {\"session\": \"c\"}\n]\n");

        try (SessionStore store = JsonFileStore.openToReadThrough(StoreLocator.of(StoreFormat.JSON, file))) {
            assertThat(store.knownCount()).as("not read yet").isEmpty();
            assertThat(readAll(store)).extracting(SessionRecord::key).containsExactly("a", "b", "c");
            assertThat(store.knownCount()).hasValue(3);
            assertThat(store.count()).isEqualTo(3);
        }
        try (SessionStore again = JsonFileStore.openToReadThrough(StoreLocator.of(StoreFormat.JSON, file))) {
            assertThat(again.knownCount()).as("read through by another store since the file last changed").hasValue(3);
        }
        Files.writeString(file, "[{\"session\": \"a\"}]");
        try (SessionStore changed = JsonFileStore.openToReadThrough(StoreLocator.of(StoreFormat.JSON, file))) {
            assertThat(changed.knownCount()).as("the file changed since").isEmpty();
            assertThat(changed.count()).isEqualTo(1);
        }
    }

    @Test
    void aKeyFoundTwiceFailsTheReadThroughAfterTheLastRecordNamingBothRecords() throws IOException {
        Path file = dir.resolve("session-db.json");
        Files.writeString(file, "[\n  {\"session\": \"a\"},\n  {\"session\": \"b\"},\n  {\"session\": \"a\"}\n]\n");

        try (SessionStore store = JsonFileStore.openToReadThrough(StoreLocator.of(StoreFormat.JSON, file))) {
            List<String> read = new ArrayList<>();
            assertThatThrownBy(() -> {
                try (RecordCursor cursor = store.cursor()) {
                    cursor.forEachRemaining(record -> read.add(record.key()));
                }
            }).isInstanceOf(StoreException.class)
                    .hasMessageContaining("session 'a' appears twice, in record 1 (line 2, column 3) and in record 3 (line 4, column 3)");
            assertThat(read).as("every record passed before the check's end").containsExactly("a", "b", "a");
            assertThat(store.knownCount()).isEmpty();
        }
    }
}
