package dev.sessiondb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A store changed by another client (a second open of the same store stands for Minsky or a
 * second app window) shows a new fingerprint, and an edit against the record as first read is
 * refused with both versions, on every backend.
 */
class ChangesFromOutsideTest {

    @TempDir
    Path directory;

    static Stream<Arguments> stores() {
        return Stream.of(
                Arguments.of("json", (Function<Path, StoreLocator>) dir -> StoreLocator.parse("json:" + dir.resolve("s.json"))),
                Arguments.of("jsondir", (Function<Path, StoreLocator>) dir -> StoreLocator.parse("jsondir:" + dir.resolve("sessions"))),
                Arguments.of("sqlite native", (Function<Path, StoreLocator>) dir -> StoreLocator.parse("sqlite:" + dir.resolve("s.db"))),
                Arguments.of("sqlite minsky", (Function<Path, StoreLocator>) dir -> StoreLocator.parse("sqlite:" + dir.resolve("m.db") + "?layout=minsky")),
                Arguments.of("postgresql", (Function<Path, StoreLocator>) dir -> TestPostgres.get().freshSchema()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void readsKeepTheFingerprintAndAnotherClientsWritesChangeIt(String name, Function<Path, StoreLocator> where) {
        StoreLocator locator = where.apply(directory);
        List<SessionRecord> records = SampleSessions.minskyList(5, 7);
        try (SessionStore app = filled(locator, records); SessionStore other = StoreFactory.open(locator, OpenMode.EXISTING)) {
            StoreFingerprint loaded = app.fingerprint();
            app.page(SessionQuery.all());
            app.get(records.get(0).key());
            assertThat(app.fingerprint()).as("reads change nothing").isEqualTo(loaded);

            other.put(records.get(1).with("branch", "changed-by-another-client"));
            StoreFingerprint afterUpdate = app.fingerprint();
            assertThat(afterUpdate).isNotEqualTo(loaded);

            other.delete(records.get(2).key());
            assertThat(app.fingerprint()).isNotEqualTo(afterUpdate);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void anEditOfARecordChangedUnderneathIsRefusedWithBothVersions(String name, Function<Path, StoreLocator> where) {
        StoreLocator locator = where.apply(directory);
        List<SessionRecord> records = SampleSessions.minskyList(3, 11);
        try (SessionStore app = filled(locator, records); SessionStore other = StoreFactory.open(locator, OpenMode.EXISTING)) {
            SessionRecord loaded = app.get(records.get(0).key()).orElseThrow();
            SessionRecord theirs = loaded.with("branch", "theirs");
            other.put(theirs);
            SessionRecord theirsAsStored = app.get(loaded.key()).orElseThrow();

            assertThatThrownBy(() -> app.writeIfUnchanged(loaded.key(), Optional.of(loaded), Optional.of(loaded.with("branch", "mine"))))
                    .isInstanceOfSatisfying(StaleRecordException.class, stale -> {
                        assertThat(stale.loaded()).contains(loaded);
                        assertThat(stale.current()).contains(theirsAsStored);
                        assertThat(stale.getMessage()).contains(loaded.key(), "was changed by another program", "nothing was written");
                    });
            assertThatThrownBy(() -> app.writeIfUnchanged(loaded.key(), Optional.of(loaded), Optional.empty())).isInstanceOf(StaleRecordException.class);
            assertThat(app.get(loaded.key())).contains(theirsAsStored);

            assertThat(app.writeIfUnchanged(loaded.key(), Optional.of(theirsAsStored), Optional.of(theirsAsStored.with("branch", "mine"))))
                    .hasValueSatisfying(written -> assertThat(written.branch()).contains("mine"));
        }
    }

    /** A bad-input audit: a merge planned before Minsky's update overwrote it, which its backup, taken after, did not hold either. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aBatchPlannedBeforeAnotherClientsWriteIsRefusedUnderTheWriteLock(String name, Function<Path, StoreLocator> where) {
        StoreLocator locator = where.apply(directory);
        List<SessionRecord> records = SampleSessions.minskyList(3, 13);
        try (SessionStore app = filled(locator, records); SessionStore other = StoreFactory.open(locator, OpenMode.EXISTING)) {
            StoreFingerprint planned = app.fingerprint();
            other.put(records.get(0).with("branch", "theirs"));
            SessionRecord theirs = app.get(records.get(0).key()).orElseThrow();
            List<SessionRecord> mine = List.of(records.get(0).with("branch", "mine"));

            assertThatThrownBy(() -> app.write(WriteBatch.upsert(mine.iterator(), 1).ifUnchangedSince(planned), ProgressMonitor.NONE))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("another program wrote to the store after the plan").hasMessageContaining("nothing was written");
            assertThat(app.get(records.get(0).key())).contains(theirs);

            app.write(WriteBatch.upsert(mine.iterator(), 1).ifUnchangedSince(app.fingerprint()), ProgressMonitor.NONE);
            assertThat(app.get(records.get(0).key()).orElseThrow().branch()).contains("mine");
        }
    }

    /**
     * In WAL mode SQLite leaves the header's change counter as it was, and a writer that closes last
     * (the sqlite3 shell, Minsky) checkpoints its commit into the file and deletes the WAL: the file's
     * own size and time are what show it.
     */
    @Test
    void anUpdateCheckpointedByAWriterThatClosesLastChangesASqliteFingerprint() throws Exception {
        Path file = directory.resolve("wal.db");
        StoreLocator locator = StoreLocator.parse("sqlite:" + file);
        List<SessionRecord> records = SampleSessions.minskyList(3, 17);
        filled(locator, records).close();
        Files.setLastModifiedTime(file, FileTime.fromMillis(0)); // as if written long ago: a new write cannot share its clock tick
        StoreFingerprint before;
        try (SessionStore app = StoreFactory.open(locator, OpenMode.EXISTING)) {
            before = app.fingerprint();
        }

        try (Connection shell = DriverManager.getConnection("jdbc:sqlite:" + file); Statement update = shell.createStatement()) {
            update.executeUpdate("UPDATE sessions SET record = json_set(record, '$.externalEdit', 'EDIT') WHERE session_key = '"
                    + records.get(1).key() + "'");
        }

        assertThat(Path.of(file + "-wal")).doesNotExist();
        try (SessionStore app = StoreFactory.open(locator, OpenMode.EXISTING)) {
            assertThat(app.fingerprint()).isNotEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chatStores")
    void aMessageAppendedByTheChatServerChangesTheFingerprint(String name, Function<Path, StoreLocator> where) {
        StoreLocator locator = where.apply(directory);
        SessionRecord chat = SampleSessions.chatRecord(1);
        try (SessionStore app = filled(locator, List.of(chat)); SessionStore server = StoreFactory.open(locator, OpenMode.EXISTING)) {
            StoreFingerprint loaded = app.fingerprint();
            SessionRecord stored = server.get(chat.key()).orElseThrow();
            ObjectNode fields = stored.fields().deepCopy();
            fields.withArray("messages").addObject().put("id", "m-appended").put("role", "user").put("content", "one more")
                    .put("timestamp", "2025-01-01T00:00:00Z");

            server.put(SessionRecord.of(fields));

            assertThat(app.fingerprint()).isNotEqualTo(loaded);
        }
    }

    static Stream<Arguments> chatStores() {
        return Stream.of(
                Arguments.of("sqlite chat", (Function<Path, StoreLocator>) dir -> StoreLocator.parse("sqlite:" + dir.resolve("c.db") + "?layout=chat")),
                Arguments.of("postgresql chat", (Function<Path, StoreLocator>) dir -> TestPostgres.get().freshSchema("layout=chat")));
    }

    private static SessionStore filled(StoreLocator locator, List<SessionRecord> records) {
        SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING);
        store.write(WriteBatch.upsert(records.iterator(), records.size()), ProgressMonitor.NONE);
        return store;
    }
}
