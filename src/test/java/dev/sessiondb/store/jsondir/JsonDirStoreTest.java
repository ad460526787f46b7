package dev.sessiondb.store.jsondir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.Fixtures;
import dev.sessiondb.JavaProcess;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.Message;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.Timestamp;
import dev.sessiondb.progress.CancelAfter;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.PausedBatchWriter;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreInfo;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonDirStoreTest {

    private static final List<String> MAGELLAI_FILES = List.of("7f3c2a9e-5b1d-4c8e-9a60-2d4f8b1e0c37.json",
            "b81e4d02-9c6a-4f3b-8e15-6a2d9c0f7e41.json", "20250601-quick-question.json", "notes.txt");

    @TempDir
    Path dir;

    private static SessionStore open(Path directory) {
        return JsonDirStore.open(StoreLocator.of(StoreFormat.JSONDIR, directory), OpenMode.EXISTING);
    }

    private Path magellaiSessions() {
        Path sessions = dir.resolve("sessions");
        try {
            Files.createDirectories(sessions);
            for (String name : MAGELLAI_FILES) {
                try (InputStream in = getClass().getResourceAsStream("/fixtures/magellai/" + name)) {
                    Files.copy(in, sessions.resolve(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sessions;
    }

    @Test
    void realMagellaiSessionFilesAreReadWithTheirConversations() {
        try (SessionStore store = open(magellaiSessions())) {
            assertThat(store.count()).isEqualTo(3);
            SessionRecord session = store.get("7f3c2a9e-5b1d-4c8e-9a60-2d4f8b1e0c37").orElseThrow();
            assertThat(session.messages()).extracting(Message::role).containsExactly("system", "user", "assistant");
            assertThat(session.messages().get(1).content()).isEqualTo("Why does <Ctrl-D> exit without saving & how do I fix it?");
            assertThat(session.createdAt().flatMap(Timestamp::toInstant)).contains(Instant.parse("2025-05-12T07:14:03.512884Z"));
            assertThat(session.fieldNames()).containsExactly("id", "name", "conversation", "config", "created", "updated", "tags",
                    "metadata", "child_ids");
            assertThat(store.get("b81e4d02-9c6a-4f3b-8e15-6a2d9c0f7e41").orElseThrow().field("parent_id").orElseThrow().asText())
                    .isEqualTo(session.key());
        }
    }

    @Test
    void infoTellsFormatLayoutAndCount() {
        try (SessionStore store = open(magellaiSessions())) {
            StoreInfo info = store.info();
            assertThat(info.format()).isEqualTo(StoreFormat.JSONDIR);
            assertThat(info.layout()).isEqualTo(StoreLayout.MAGELLAI);
            assertThat(info.recordCount()).isEqualTo(3);
            assertThat(info.lastModified()).isNotNull();
        }
    }

    @Test
    void aWrittenSessionIsOneTwoSpaceIndentedFileNamedSafelyAfterItsKey() throws IOException {
        Path sessions = Files.createDirectory(dir.resolve("sessions"));
        SessionRecord minsky = Fixtures.minskyRecords().get(0);
        SessionRecord slashed = minsky.with("session", "local/minsky#1: draft");
        SessionRecord dotted = minsky.with("session", ".hidden");
        try (SessionStore store = open(sessions)) {
            store.write(WriteBatch.upsert(List.of(minsky, slashed, dotted).iterator(), 3), ProgressMonitor.NONE);
            assertThat(store.get(".hidden")).contains(dotted);
        }
        assertThat(sessions.resolve("task%23002.json")).hasContent(JsonCodec.pretty(minsky.fields()));
        assertThat(Files.readString(sessions.resolve("local%2Fminsky%231%3A%20draft.json"))).contains("\"session\": \"local/minsky#1: draft\"");
        assertThat(sessions.resolve("%2Ehidden.json")).exists();
    }

    @Test
    void aSessionInAFileNamedOtherwiseIsReplacedNotDuplicated() throws IOException {
        Path sessions = Files.createDirectory(dir.resolve("sessions"));
        Files.writeString(sessions.resolve("custom-name.json"), "{\"id\": \"abc\", \"name\": \"old\"}");
        try (SessionStore store = open(sessions)) {
            store.put(SessionRecord.of(JsonCodec.parseObject("{\"id\": \"abc\", \"name\": \"new\"}")));
            assertThat(store.count()).isEqualTo(1);
            assertThat(store.get("abc").orElseThrow().text(SessionField.SESSION)).isEmpty();
        }
        // written back in place: a tool that finds the session by its file name still finds it
        assertThat(sessions.resolve("abc.json")).doesNotExist();
        assertThat(sessions.resolve("custom-name.json")).content().contains("\"new\"");
    }

    @Test
    void aCancelledBatchLeavesEveryFileAsItWasAndNoTransactionBehind() {
        Path sessions = magellaiSessions();
        DirectorySnapshot before = DirectorySnapshot.of(sessions);
        List<SessionRecord> batch = LongStream.range(0, 20).mapToObj(SampleSessions::magellaiRecord).toList();
        ProgressMonitor cancelAtTen = new CancelAfter(10);
        try (SessionStore store = open(sessions)) {
            assertThatThrownBy(() -> store.write(WriteBatch.replaceAll(batch.iterator(), batch.size()), cancelAtTen))
                    .isInstanceOf(CancelledException.class);
        }
        assertThat(DirectorySnapshot.of(sessions).withoutLockFile()).isEqualTo(before);
    }

    @Test
    void aWriterKilledInTheMiddleOfABatchLeavesTheStoreAsItWas() throws IOException, InterruptedException {
        Path sessions = magellaiSessions();
        DirectorySnapshot before = DirectorySnapshot.of(sessions);
        Process writer = JavaProcess.of(PausedBatchWriter.class, "jsondir:" + sessions, "40").redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(output.readLine()).isEqualTo(PausedBatchWriter.HALFWAY);
            assertThat(sessions.resolve(DirTransaction.DIRECTORY)).isDirectory();
            writer.destroyForcibly();
            writer.waitFor(1, TimeUnit.MINUTES);
        }

        try (SessionStore store = open(sessions)) {
            assertThat(store.count()).isEqualTo(3);
        }
        assertThat(DirectorySnapshot.of(sessions).withoutLockFile()).isEqualTo(before);
    }

    @Test
    void aCommittedTransactionFoundOnOpenIsRolledForward() throws IOException {
        Path sessions = magellaiSessions();
        Path txn = Files.createDirectory(sessions.resolve(DirTransaction.DIRECTORY));
        Files.writeString(txn.resolve("new-session.json"), "{\"id\": \"new-session\"}");
        Files.writeString(txn.resolve("COMMITTED"), "20250601-quick-question.json\n../outside.json");
        Files.writeString(dir.resolve("outside.json"), "{}");

        try (SessionStore store = open(sessions)) {
            assertThat(store.get("new-session")).isPresent();
            assertThat(store.get("20250601-quick-question")).isEmpty();
            assertThat(store.count()).isEqualTo(3);
        }
        assertThat(txn).doesNotExist();
        assertThat(dir.resolve("outside.json")).exists();
    }

    @Test
    void anUncommittedTransactionFoundOnOpenIsDiscarded() throws IOException {
        Path sessions = magellaiSessions();
        DirectorySnapshot before = DirectorySnapshot.of(sessions);
        Path txn = Files.createDirectory(sessions.resolve(DirTransaction.DIRECTORY));
        Files.writeString(txn.resolve("half-written.json"), "{\"id\": \"half");

        try (SessionStore store = open(sessions)) {
            assertThat(store.count()).isEqualTo(3);
        }
        assertThat(DirectorySnapshot.of(sessions).withoutLockFile()).isEqualTo(before);
    }

    @Test
    void fileNamesForKeysAreDistinctAndPlainIdsKeepTheirName() {
        Set<String> names = Set.of(KeyFileNames.fileName("a/b"), KeyFileNames.fileName("a%2Fb"), KeyFileNames.fileName("a#b"),
                KeyFileNames.fileName("a b"), KeyFileNames.fileName("ä"));
        assertThat(names).hasSize(5).allSatisfy(name -> assertThat(name).matches("[A-Za-z0-9%._-]+\\.json"));
        assertThat(KeyFileNames.fileName("7f3c2a9e-5b1d-4c8e-9a60-2d4f8b1e0c37")).isEqualTo("7f3c2a9e-5b1d-4c8e-9a60-2d4f8b1e0c37.json");
    }

    /**
     * An audit: writing into a folder another tool keeps renamed its files ({@code a b.json} became {@code a%20b.json},
     * {@code other-name.json} became {@code <id>.json}), so tools finding sessions by file name lost them. A session is
     * written back to the file it was read from; a new one gets the encoded name.
     */
    @Test
    void aSessionIsWrittenBackToItsOwnFileWhateverItsNameAndANewOneGetsItsKeysName() throws Exception {
        Path sessions = Files.createDirectories(dir.resolve("named"));
        Files.writeString(sessions.resolve("a b.json"), "{\n  \"id\": \"a b\",\n  \"name\": \"old\"\n}");
        Files.writeString(sessions.resolve("other-name.json"), "{\n  \"id\": \"x1\",\n  \"name\": \"old\"\n}");
        SessionRecord ab = SessionRecord.of(JsonCodec.parseObject("{\"id\": \"a b\", \"name\": \"merged\"}"));
        SessionRecord x1 = SessionRecord.of(JsonCodec.parseObject("{\"id\": \"x1\", \"name\": \"merged\"}"));
        SessionRecord added = SessionRecord.of(JsonCodec.parseObject("{\"id\": \"new one\"}"));

        try (SessionStore store = open(sessions)) {
            store.write(WriteBatch.upsert(List.of(ab, x1, added).iterator(), 3), ProgressMonitor.NONE);
            assertThat(listNames(sessions)).containsExactly("a b.json", "new%20one.json", "other-name.json");
            assertThat(Files.readString(sessions.resolve("other-name.json"))).contains("\"name\": \"merged\"");
            assertThat(Files.readString(sessions.resolve("a b.json"))).contains("\"name\": \"merged\"");

            SessionRecord edited = SessionRecord.of(JsonCodec.parseObject("{\"id\": \"x1\", \"name\": \"edited\"}"));
            store.writeIfUnchanged("x1", store.get("x1"), Optional.of(edited));
            assertThat(Files.readString(sessions.resolve("other-name.json"))).contains("\"name\": \"edited\"");

            SessionRecord replaced = SessionRecord.of(JsonCodec.parseObject("{\"id\": \"a b\", \"name\": \"replaced\"}"));
            store.write(WriteBatch.replaceAll(List.of(replaced, x1).iterator(), 2), ProgressMonitor.NONE);
            assertThat(listNames(sessions)).containsExactly("a b.json", "other-name.json");
            assertThat(store.get("a b").orElseThrow().field("name").orElseThrow().asText()).isEqualTo("replaced");
        }
    }

    /** A replace that brings a new session named like the file another session is kept in gives that session its own name; both are kept. */
    @Test
    void aNewSessionTakingTheFileOfAnotherLeavesThatOneInAFileOfItsOwnAndNeitherIsLost() throws Exception {
        Path sessions = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(sessions.resolve("b.json"), "{\n  \"id\": \"x1\"\n}");
        SessionRecord b = SessionRecord.of(JsonCodec.parseObject("{\"id\": \"b\"}"));
        SessionRecord x1 = SessionRecord.of(JsonCodec.parseObject("{\"id\": \"x1\", \"name\": \"kept\"}"));

        try (SessionStore store = open(sessions)) {
            store.write(WriteBatch.replaceAll(List.of(b, x1).iterator(), 2), ProgressMonitor.NONE);
            assertThat(listNames(sessions)).containsExactly("b.json", "x1.json");
            assertThat(store.get("b")).isPresent();
            assertThat(store.get("x1").orElseThrow().field("name").orElseThrow().asText()).isEqualTo("kept");
        }
    }

    private static List<String> listNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")).sorted().toList();
        }
    }
}
