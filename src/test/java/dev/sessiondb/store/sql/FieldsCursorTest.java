package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.Fixtures;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionField;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A survey's read of a few fields (SessionStore.cursorOf): each record's key and those fields as the whole record has them, in any order. */
class FieldsCursorTest {

    private static final Set<SessionField> SURVEYED = Set.of(SessionField.TASK_ID, SessionField.REPO_NAME);

    @TempDir
    Path dir;

    private static List<SessionRecord> records() throws Exception {
        List<SessionRecord> records = new ArrayList<>(Fixtures.minskyRecords());
        records.add(SessionRecord.ofParsed(JsonCodec.parseObject("{\"sessionId\": \"edge-scalars\", \"taskId\": 42, \"repoName\": true, \"repoPath\": 1.50}")));
        records.add(SessionRecord.ofParsed(JsonCodec.parseObject("{\"session\": \"edge-containers\", \"taskId\": {\"id\": 1}, \"repoName\": null, \"repoPath\": [\"a\"]}")));
        records.add(SessionRecord.ofParsed(JsonCodec.parseObject("{\"session\": \"edge-text\", \"taskId\": \"#7\", \"repoPath\": \"/w/a \\\"b\\\" ü\\u0000\"}")));
        return records;
    }

    /** Each record's key, then the text of {@code fields} in their order, in the cursor's order. */
    private static List<List<Optional<String>>> seen(RecordCursor cursor, Set<SessionField> fields) {
        List<SessionField> inOrder = fields.stream().sorted().toList();
        List<List<Optional<String>>> seen = new ArrayList<>();
        try (cursor) {
            cursor.forEachRemaining(record -> {
                List<Optional<String>> values = new ArrayList<>(List.of(Optional.of(record.key())));
                inOrder.forEach(field -> values.add(record.text(field)));
                seen.add(values);
            });
        }
        return seen;
    }

    /** What cursorOf(fields) gives must be what whole records have, in any order. */
    private static void assertReadsAsWholeRecords(SessionStore store, Set<SessionField> fields) {
        assertThat(seen(store.cursorOf(fields), fields)).containsExactlyInAnyOrderElementsOf(seen(store.cursor(), fields))
                .hasSize(Fixtures.MINSKY_COUNT + 3);
    }

    private static SessionStore filled(StoreLocator locator) throws Exception {
        SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING);
        List<SessionRecord> records = records();
        store.write(WriteBatch.replaceAll(records.iterator(), records.size()), ProgressMonitor.NONE);
        return store;
    }

    @Test
    void sqliteReadsTheFieldsFromTheirColumnsWithoutParsingRecords() throws Exception {
        try (SessionStore store = filled(StoreLocator.of(StoreFormat.SQLITE, dir.resolve("s.db")))) {
            assertReadsAsWholeRecords(store, SURVEYED);
            try (RecordCursor some = store.cursorOf(SURVEYED)) {
                assertThat(some.next().has("repoUrl")).as("only the surveyed fields are read").isFalse();
            }
        }
    }

    @Test
    void aFieldWithoutAColumnOfItsOwnIsReadFromWholeRecords() throws Exception {
        Set<SessionField> withPath = Set.of(SessionField.TASK_ID, SessionField.REPO_PATH);
        try (SessionStore store = filled(StoreLocator.of(StoreFormat.SQLITE, dir.resolve("s.db")))) {
            assertReadsAsWholeRecords(store, withPath);
            try (RecordCursor whole = store.cursorOf(withPath)) {
                assertThat(whole.next().has("repoUrl")).isTrue();
            }
        }
    }

    @Test
    void postgresqlReadsTheFieldsItHasColumnsForAndWholeRecordsForTheOthers() throws Exception {
        try (SessionStore store = filled(TestPostgres.get().freshSchema())) {
            assertReadsAsWholeRecords(store, Set.of(SessionField.TASK_ID, SessionField.REPO_PATH));
            assertReadsAsWholeRecords(store, SURVEYED);
            try (RecordCursor some = store.cursorOf(Set.of(SessionField.TASK_ID))) {
                assertThat(some.next().has("repoUrl")).as("only the surveyed fields are read").isFalse();
            }
        }
    }

    @Test
    void aDamagedRecordIsNamedWhenWholeRecordsAreRead() throws Exception {
        Path file = dir.resolve("damaged.db");
        filled(StoreLocator.of(StoreFormat.SQLITE, file)).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE sessions SET record = '{\"session\": \"edge-text\", ' WHERE session_key = 'edge-text'");
            statement.executeUpdate("UPDATE sessions SET record = '[1, 2]' WHERE session_key = 'edge-scalars'");
        }
        try (SessionStore store = StoreFactory.open(StoreLocator.of(StoreFormat.SQLITE, file), OpenMode.EXISTING)) {
            assertThatThrownBy(() -> seen(store.cursorOf(Set.of(SessionField.REPO_PATH)), Set.of())).isInstanceOf(StoreException.class)
                    .hasMessageContaining("session 'edge-").hasMessageContaining("holds a damaged record")
                    .hasMessageContaining("or delete that row (DELETE FROM sessions WHERE session_key = 'edge-");
            assertThat(seen(store.cursorOf(SURVEYED), SURVEYED)).as("columns are read without the record's text").hasSize(Fixtures.MINSKY_COUNT + 3);
        }
    }
}
