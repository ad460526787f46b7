package dev.sessiondb.store.jsondir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFaults;
import dev.sessiondb.store.StoreProviders;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad session file makes every read of the directory an error naming every such file and its
 * position, and nothing is touched; a read that skips them takes the rest and names them.
 */
class JsonDirBadInputTest {

    @TempDir
    Path dir;

    private Path sessionsWith(String badName, String badContent) throws IOException {
        Path sessions = Files.createDirectory(dir.resolve("sessions"));
        Files.writeString(sessions.resolve("good.json"), "{\n  \"id\": \"good\"\n}");
        Files.writeString(sessions.resolve(badName), badContent);
        return sessions;
    }

    private static StoreException openingFails(Path sessions) {
        return catchThrowableOfType(StoreException.class, () -> {
            try (SessionStore store = StoreFactory.open(StoreLocator.of(StoreFormat.JSONDIR, sessions), OpenMode.EXISTING)) {
                store.count();
            }
        });
    }

    private static SessionStore open(Path sessions) {
        return StoreFactory.open(StoreLocator.of(StoreFormat.JSONDIR, sessions), OpenMode.EXISTING);
    }

    /** The audit's four stray files beside two sessions. */
    private Path sessionsWithFourBadFiles() throws IOException {
        Path sessions = sessionsWith("arr.json", "[1,2]\n");
        Files.writeString(sessions.resolve("other.json"), "{\n  \"session\": \"other\"\n}");
        Files.writeString(sessions.resolve("config.json"), "{\"not\":\"a session\"}\n");
        Files.writeString(sessions.resolve("empty.json"), "");
        Files.writeString(sessions.resolve("trunc.json"), "{\"session\":\"t\",\"repoName\":\"r\",\"createdAt\":\"2025-\n");
        return sessions;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON            | {\\n  "id": nope\\n}          | not valid JSON at line 2, column 14
            truncated JSON      | {\\n  "id": "bad",\\n         | not valid JSON at line 3, column 1
            an array            | [\\n  {"id": "bad"}\\n]       | the top level is not a session object at line 1, column 1
            a number            | 42                           | the top level is not a session object at line 1, column 1
            a session without id| {\\n  "name": "x"\\n}         | the session has no 'id' field (nor 'session' or 'sessionId'); add the session id at line 1, column 1
            a numeric session   | {\\n  "session": 4\\n}        | the session's 'session' field is a number, not text; write the session name as a string at line 1, column 1
            an empty id         | {\\n  "id": ""\\n}          | the session's 'id' is empty; give the session an id at line 1, column 1
            an empty file       | ''                           | the file is empty, not a session object
            two objects         | {"id": "bad"}\\n{"id": "b"}  | unexpected content after the session object at line 2, column 1
            """)
    void aBadSessionFileIsAnErrorNamingItsPosition(String problem, String content, String expected) throws IOException {
        Path sessions = sessionsWith("bad.json", content.replace("\\n", "\n"));
        DirectorySnapshot before = DirectorySnapshot.of(sessions);

        StoreException error = openingFails(sessions);

        assertThat(error).as(problem).isNotNull();
        assertThat(error.getMessage()).as(problem).startsWith(sessions + ": 1 file cannot be read as a session: (1) bad.json: " + expected)
                .endsWith("; nothing was changed; " + SessionDirectory.readAdvice(1))
                .contains("fix it or move it out of the folder");
        assertThat(DirectorySnapshot.of(sessions)).isEqualTo(before);
    }

    @Test
    void twoFilesHoldingOneSessionAreAnErrorNamingBoth() throws IOException {
        Path sessions = sessionsWith("copy-of-good.json", "{\"id\": \"good\"}");
        DirectorySnapshot before = DirectorySnapshot.of(sessions);

        assertThat(openingFails(sessions).getMessage()).contains("session 'good' is in two files, ")
                .contains("good.json").contains("copy-of-good.json");
        assertThat(DirectorySnapshot.of(sessions)).isEqualTo(before);
    }

    @Test
    void everyUnreadableFileIsNamedAtOnceByEveryRead() throws IOException {
        Path sessions = sessionsWithFourBadFiles();
        DirectorySnapshot before = DirectorySnapshot.of(sessions);

        try (SessionStore store = open(sessions)) {
            for (ThrowingCallable read : List.<ThrowingCallable>of(store::count, () -> store.cursor().hasNext(), () -> store.get("good"),
                    () -> store.page(SessionQuery.all()))) {
                assertThatThrownBy(read).isInstanceOf(StoreException.class)
                        .hasMessageStartingWith(sessions + ": 4 files cannot be read as sessions: (1) arr.json: the top level is not a session object"
                                + " at line 1, column 1; (2) config.json: the session has no 'id' field")
                        .hasMessageContaining("(3) empty.json: the file is empty, not a session object")
                        .hasMessageContaining("(4) trunc.json: not valid JSON at line 1")
                        .hasMessageEndingWith("nothing was changed; " + SessionDirectory.readAdvice(4));
            }
            assertThat(store.unreadableParts()).hasSize(4);
        }
        assertThat(DirectorySnapshot.of(sessions)).isEqualTo(before);
    }

    @Test
    void aReadSkippingUnreadableFilesTakesTheRestAndNamesEachFileLeftOut() throws IOException {
        Path sessions = sessionsWithFourBadFiles();
        Files.createDirectory(sessions.resolve("folder.json"));
        DirectorySnapshot before = DirectorySnapshot.of(sessions);

        try (SessionStore store = open(sessions).skippingUnreadable()) {
            assertThat(store.count()).isEqualTo(2);
            List<String> keys = new ArrayList<>();
            try (RecordCursor records = store.cursor()) {
                records.forEachRemaining(record -> keys.add(record.key()));
            }
            assertThat(keys).containsExactly("good", "other");
            assertThat(store.get("other")).isPresent();
            assertThat(store.unreadableParts()).satisfiesExactly(
                    arr -> assertThat(arr).startsWith("arr.json: the top level is not a session object"),
                    config -> assertThat(config).startsWith("config.json: the session has no 'id' field"),
                    empty -> assertThat(empty).startsWith("empty.json: the file is empty"),
                    folder -> assertThat(folder).startsWith("folder.json: named like a session file but cannot be read as one"),
                    trunc -> assertThat(trunc).startsWith("trunc.json: not valid JSON"));
        }
        assertThat(DirectorySnapshot.of(sessions)).isEqualTo(before);
    }

    @Test
    void aWriteIntoAFolderWithUnreadableFilesIsRefusedNamingThemAll() throws IOException {
        Path sessions = sessionsWithFourBadFiles();
        Files.createFile(sessions.resolve(JsonDirStore.LOCK_FILE)); // the write takes the folder's lock before it reads the files
        DirectorySnapshot before = DirectorySnapshot.of(sessions);

        try (SessionStore store = open(sessions).skippingUnreadable()) {
            assertThatThrownBy(() -> store.write(WriteBatch.of("t", Optional.of(SessionRecord.of(JsonCodec.parseObject("{\"session\": \"t\"}")))),
                    ProgressMonitor.NONE))
                    .isInstanceOf(StoreException.class).hasMessageContaining("4 files cannot be read as sessions")
                    .hasMessageContaining("trunc.json").hasMessageEndingWith("nothing was changed; fix them or move them out of the folder, then write again");
        }
        assertThat(DirectorySnapshot.of(sessions)).isEqualTo(before);
    }

    @Test
    void theStoreDamageCheckHasAFaultForEachUnreadableFile() throws IOException {
        Path sessions = sessionsWithFourBadFiles();

        List<StoreFaults.Fault> faults = StoreProviders.of(StoreFormat.JSONDIR).damage(StoreLocator.of(StoreFormat.JSONDIR, sessions));

        assertThat(faults).extracting(StoreFaults.Fault::what).satisfiesExactly(
                arr -> assertThat(arr).startsWith(sessions.resolve("arr.json") + " cannot be read as a session: the top level is not a session object"),
                config -> assertThat(config).startsWith(sessions.resolve("config.json") + " cannot be read as a session: the session has no 'id'"),
                empty -> assertThat(empty).startsWith(sessions.resolve("empty.json") + " cannot be read as a session: the file is empty"),
                trunc -> assertThat(trunc).startsWith(sessions.resolve("trunc.json") + " cannot be read as a session: not valid JSON"));
        assertThat(faults.get(0).todo()).contains("sessiondb migrate --skip-unreadable");
    }
}
