package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bulk writes: JDBC batches in SQLite, COPY through a staging table in PostgreSQL, streamed in and out. */
class SqlBulkWriteTest {

    private static final int MANY = 12_000;
    /** Several flushes of a SQLite write's batches. */
    private static final int MANY_CHATS = 1_000;

    @TempDir
    Path tempDir;

    static Stream<Arguments> nativeStores() {
        return Stream.of(
                Arguments.of("sqlite", (Function<Path, StoreLocator>) dir -> StoreLocator.parse("sqlite:" + dir.resolve("bulk.db"))),
                Arguments.of("postgresql", (Function<Path, StoreLocator>) dir -> TestPostgres.get().freshSchema()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nativeStores")
    void manyRecordsGoInAsOneBatchAndStreamBackOnceInBinaryKeyOrder(String name, Function<Path, StoreLocator> locator) {
        try (SessionStore store = StoreFactory.open(locator.apply(tempDir), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(MANY, 7), MANY), ProgressMonitor.NONE);

            assertThat(store.count()).isEqualTo(MANY);
            long seen = 0;
            String previous = "";
            try (RecordCursor cursor = store.cursor()) {
                while (cursor.hasNext()) {
                    SessionRecord record = cursor.next();
                    assertThat(record.key().compareTo(previous)).isPositive();
                    assertThat(canonical(record)).isEqualTo(canonical(SampleSessions.minskyRecord(seen, 7)));
                    previous = record.key();
                    seen++;
                }
            }
            assertThat(seen).isEqualTo(MANY);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nativeStores")
    void aBatchNamingOneKeyTwiceKeepsTheLastRecord(String name, Function<Path, StoreLocator> locator) {
        SessionRecord first = SampleSessions.minskyRecord(1, 3);
        SessionRecord second = first.with("branch", "second-version");
        try (SessionStore store = StoreFactory.open(locator.apply(tempDir), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.upsert(List.of(first, second).iterator(), 2), ProgressMonitor.NONE);

            assertThat(store.count()).isEqualTo(1);
            assertThat(canonical(store.get(first.key()).orElseThrow())).isEqualTo(canonical(second));
        }
    }

    /** PostgreSQL COPYs straight into an empty table until a key repeats; from there on the last row still wins. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("nativeStores")
    void aKeyRepeatedLateInALargeBatchIntoAnEmptyStoreKeepsTheLastRecord(String name, Function<Path, StoreLocator> locator) {
        List<SessionRecord> records = new ArrayList<>(SampleSessions.minskyList(MANY, 8));
        SessionRecord changed = records.get(5).with("branch", "later-version");
        records.add(changed);
        records.add(SampleSessions.minskyRecord(MANY, 8));
        try (SessionStore store = StoreFactory.open(locator.apply(tempDir), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(records.iterator(), records.size()), ProgressMonitor.NONE);

            assertThat(store.count()).isEqualTo(MANY + 1);
            assertThat(canonical(store.get(changed.key()).orElseThrow())).isEqualTo(canonical(changed));
            assertThat(canonical(store.get(records.get(MANY - 1).key()).orElseThrow())).isEqualTo(canonical(records.get(MANY - 1)));
            assertThat(store.page(SessionQuery.all().withSearch("later-version")).records()).extracting(SessionRecord::key)
                    .containsExactly(changed.key());
        }
    }

    /** COPY's text format escapes four characters; the rest, multi-byte UTF-8 included, goes as it is. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("nativeStores")
    void textThatCopyMustEscapeComesBackExactlyFromABulkWrite(String name, Function<Path, StoreLocator> locator) {
        List<SessionRecord> records = new ArrayList<>(SampleSessions.minskyList(MANY, 9));
        String awkward = "back\\slash\ttab\nline\r\nreturn \\N é 日本 \uD83D\uDE80 end\\";
        SessionRecord special = records.get(7).with("title", awkward).with("branch", "tab\there");
        records.set(7, special);
        try (SessionStore store = StoreFactory.open(locator.apply(tempDir), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(records.iterator(), records.size()), ProgressMonitor.NONE);

            SessionRecord read = store.get(special.key()).orElseThrow();
            assertThat(read.compact()).isEqualTo(special.compact());
            assertThat(read.field("title").orElseThrow().asText()).isEqualTo(awkward);
            assertThat(store.page(SessionQuery.all().withSearch("tab\there")).records()).extracting(SessionRecord::key)
                    .containsExactly(special.key());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nativeStores")
    void aCancelledLargeWriteLeavesTheSearchIndexKeptPerRowAsBefore(String name, Function<Path, StoreLocator> locator) {
        try (SessionStore store = StoreFactory.open(locator.apply(tempDir), OpenMode.CREATE_IF_MISSING)) {
            ProgressMonitor cancelAtOnce = new ProgressMonitor() {
                @Override
                public void progress(long done, long total) {
                }

                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            assertThatThrownBy(() -> store.write(WriteBatch.replaceAll(SampleSessions.minsky(50, 4), 50), cancelAtOnce))
                    .isInstanceOf(CancelledException.class);

            store.put(SampleSessions.minskyRecord(9, 4).with("branch", "After-Cancel"));
            assertThat(store.page(SessionQuery.all().withSearch("after-cancel")).records()).hasSize(1);
        }
    }

    /**
     * The chat layout writes three tables per record: its session, the removal of its messages,
     * its messages. A batch of many records is written in several flushes; each must remove a
     * session's old messages before its new ones go in, or the second write loses them.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("chatStores")
    void aLargeRewriteOfAChatStoreKeepsEveryMessage(String name, Function<Path, StoreLocator> locator) {
        List<SessionRecord> records = new ArrayList<>();
        for (int i = 0; i < MANY_CHATS; i++) {
            records.add(SampleSessions.chatRecord(i));
        }
        try (SessionStore store = StoreFactory.open(locator.apply(tempDir), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.upsert(records.iterator(), records.size()), ProgressMonitor.NONE);
            store.write(WriteBatch.upsert(records.iterator(), records.size()), ProgressMonitor.NONE);

            assertThat(store.count()).isEqualTo(MANY_CHATS);
            for (SessionRecord record : records) {
                assertThat(canonical(store.get(record.key()).orElseThrow())).as(record.key()).isEqualTo(canonical(record));
            }
        }
    }

    /**
     * A chat server's sessions with long messages, whose rows fill a COPY chunk of messages long before one of sessions: the chunk of
     * messages was sent straight into its table first, and the write failed on the foreign key to sessions ("current transaction is
     * aborted"), nothing written. Each message now waits for its session.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("chatStores")
    void aChatStoreWhoseMessagesFillSeveralChunksGetsEverySessionBeforeItsMessages(String name, Function<Path, StoreLocator> locator) {
        String longContent = "a long answer, ".repeat(20_000);
        List<SessionRecord> records = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ObjectNode fields = SampleSessions.chatRecord(i).fields();
            ((ArrayNode) fields.get("messages")).addObject().put("id", "long-" + i).put("role", "assistant").put("content", longContent + i)
                    .put("timestamp", Instant.parse(fields.get("createdAt").asText()).plusSeconds(10).toString());
            records.add(SessionRecord.of(fields));
        }
        try (SessionStore store = StoreFactory.open(locator.apply(tempDir), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.upsert(records.iterator(), records.size()), ProgressMonitor.NONE);

            assertThat(store.count()).isEqualTo(records.size());
            for (SessionRecord record : records) {
                assertThat(canonical(store.get(record.key()).orElseThrow())).as(record.key()).isEqualTo(canonical(record));
            }
        }
    }

    static Stream<Arguments> chatStores() {
        return Stream.of(
                Arguments.of("sqlite", (Function<Path, StoreLocator>) dir -> StoreLocator.parse("sqlite:" + dir.resolve("chat.db") + "?layout=chat")),
                Arguments.of("postgresql", (Function<Path, StoreLocator>) dir -> TestPostgres.get().freshSchema("layout=chat")));
    }

    @Test
    void sqliteSearchStaysExactThroughALargeBatchAndSingleWritesAfterIt() {
        try (SessionStore store = StoreFactory.open("sqlite:" + tempDir.resolve("search.db"), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(MANY, 5), MANY), ProgressMonitor.NONE);
            SessionQuery needle = SessionQuery.all().withSearch("MD#00012").page(0, 1000);
            assertThat(store.page(needle).totalMatching()).isEqualTo(SampleSessions.minskyList(MANY, 5).stream().filter(needle::matches).count());

            SessionRecord renamed = SampleSessions.minskyRecord(3, 5).with("branch", "Unique-Branch-Name");
            store.put(renamed);
            assertThat(store.page(SessionQuery.all().withSearch("unique-branch")).records()).extracting(SessionRecord::key).containsExactly(renamed.key());

            store.delete(renamed.key());
            assertThat(store.page(SessionQuery.all().withSearch("unique-branch")).records()).isEmpty();
            assertThat(store.page(SessionQuery.all().withSearch(renamed.key())).records()).isEmpty();
        }
    }

    /** Sample records hold long numbers that come back as ints: equal JSON, different Jackson nodes. */
    private static String canonical(SessionRecord record) {
        return JsonCodec.canonical(record.fields());
    }

    @Test
    void postgresSearchKeepsATrigramIndexThroughLargeWritesWhenPgTrgmIsAvailable() throws SQLException {
        StoreLocator locator = TestPostgres.get().freshSchema();
        try (SessionStore store = StoreFactory.open(locator, OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(100, 2), 100), ProgressMonitor.NONE);
            assertThat(store.page(SessionQuery.all().withSearch("MD#00004")).totalMatching()).isPositive();
        }
        String schema = locator.param("schema").orElseThrow();
        try (Connection connection = TestPostgres.get().adminConnection();
             ResultSet available = connection.createStatement().executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'");
             ResultSet indexes = connection.createStatement().executeQuery("SELECT indexdef FROM pg_indexes WHERE schemaname = '" + schema
                     + "' AND indexname IN ('sessions_search_key', 'sessions_search_place')")) {
            boolean trigramAvailable = available.next();
            List<String> definitions = new ArrayList<>();
            while (indexes.next()) {
                definitions.add(indexes.getString(1));
            }
            assertThat(definitions).hasSize(trigramAvailable ? 2 : 0).allSatisfy(definition -> assertThat(definition).contains("gin_trgm_ops"));
        }
    }
}
