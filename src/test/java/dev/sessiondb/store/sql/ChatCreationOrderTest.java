package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A chat server's store sorted by createdAt: in SQL where every row's date is one fixed-width UTC shape, in Java where not, and
 * every page either way as the reference gives it ({@link SessionQuery#matches} and {@link SessionQuery#comparator}): equal
 * instants by key, descending too, dates that are none last. Before, every such page read and sorted every session in Java
 * (2.4 s at 100,000 sessions), so one session whose traits no longer parse failed each of them.
 */
class ChatCreationOrderTest {

    private static final String STORES = "dev.sessiondb.store.sql.ChatStoreSearchTest#chatStores";
    private static final int PAGE = 7;

    @TempDir
    Path tempDir;

    /** The chat server's own dates, toISOString()'s, many of them equal: each page as the reference's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource(STORES)
    void pagesOfDatesInTheServersShapeAreTheReferences(String name, Function<Path, ChatStoreSearchTest.ChatStore> chatStore) {
        ChatStoreSearchTest.ChatStore chat = emptied(chatStore);
        List<String> keys = List.of("apple", "Apple", "Zed", "zebra", "b-1", "B-1", "a", "m", "M", "q", "chat-000", "chat-001",
                "chat-010", "chat-100", "x", "y", "Y", "z", "0", "9");
        try (SessionStore store = StoreFactory.open(chat.locator(), OpenMode.CREATE_IF_MISSING)) {
            for (int i = 0; i < keys.size(); i++) {
                store.put(chat(keys.get(i), "tenant-" + i % 2, "2026-01-0" + (1 + i % 3) + "T03:04:05.6" + (i % 2) + "8Z", i % 4 == 0 ? "refund" : "hello"));
            }
            assertEveryPageIsTheReferences(store);
        }
    }

    /** Dates of many shapes (an offset, milliseconds or not, an impossible day, no date) sort as the reference's too, in Java. */
    @ParameterizedTest(name = "{0}")
    @MethodSource(STORES)
    void pagesOfDatesInMixedShapesAreTheReferences(String name, Function<Path, ChatStoreSearchTest.ChatStore> chatStore) {
        ChatStoreSearchTest.ChatStore chat = emptied(chatStore);
        List<String> dates = List.of("2026-01-02T03:04:05.000Z", "2026-01-02T03:04:05Z", "2026-01-02T04:04:05+01:00", "2026-01-01T23:00:00Z",
                "2026-02-30T00:00:00.000Z", "not a date", "2026-01-02T03:04:05.1Z", "1767323045000", "2026-01-02 03:04:05", "");
        try (SessionStore store = StoreFactory.open(chat.locator(), OpenMode.CREATE_IF_MISSING)) {
            for (int i = 0; i < dates.size() * 2; i++) {
                store.put(chat("s" + (char) ('a' + i), "tenant-" + i % 2, dates.get(i % dates.size()), i % 3 == 0 ? "refund" : "hello"));
            }
            assertEveryPageIsTheReferences(store);
        }
    }

    /** Every date in the server's shape but one impossible day, which has no instant and so sorts last: sorted in Java. */
    @ParameterizedTest(name = "{0}")
    @MethodSource(STORES)
    void anImpossibleDayInTheServersShapeSortsLast(String name, Function<Path, ChatStoreSearchTest.ChatStore> chatStore) {
        ChatStoreSearchTest.ChatStore chat = withSessions(chatStore, "leap", "2024-02-29T00:00:00.000Z", "impossible", "2026-02-29T00:00:00.000Z",
                "later", "2026-03-01T00:00:00.000Z");
        assertOldestFirst(chat, "leap", "later", "impossible");
    }

    /** A createdAt another writer kept among the fields without a column stands for the column's when read: sorted in Java. */
    @ParameterizedTest(name = "{0}")
    @MethodSource(STORES)
    void aDateKeptInsideTraitsIsTheOneSortedBy(String name, Function<Path, ChatStoreSearchTest.ChatStore> chatStore) {
        ChatStoreSearchTest.ChatStore chat = withSessions(chatStore, "first", "2026-01-01T00:00:00.000Z", "second", "2026-01-02T00:00:00.000Z");
        chat.statements().accept("INSERT INTO sessions VALUES ('kept', 'acme', NULL, '{\"sessiondb:extra\":{\"createdAt\":\"2025-12-31T00:00:00.000Z\"}}',"
                + " '2026-01-03T00:00:00.000Z')");
        assertOldestFirst(chat, "kept", "first", "second");
    }

    /** A page sorted in SQL reads its own sessions only: one whose traits no longer parse fails the pages that show it, not every page. */
    @ParameterizedTest(name = "{0}")
    @MethodSource(STORES)
    void aDamagedSessionFailsOnlyThePagesShowingIt(String name, Function<Path, ChatStoreSearchTest.ChatStore> chatStore) {
        ChatStoreSearchTest.ChatStore chat = withSessions(chatStore, "first", "2026-01-01T00:00:00.000Z", "second", "2026-01-02T00:00:00.000Z",
                "broken", "2026-01-03T00:00:00.000Z");
        chat.statements().accept("UPDATE sessions SET traits = '{\"plan\": ' WHERE id = 'broken'");
        try (SessionStore store = StoreFactory.open(chat.locator(), OpenMode.EXISTING)) {
            Page oldestTwo = store.page(SessionQuery.all().sortedBy(SortKey.CREATED_AT, false).page(0, 2));
            assertThat(keys(oldestTwo)).containsExactly("first", "second");
            assertThat(oldestTwo.totalMatching()).isEqualTo(3);
        }
    }

    /** The chat store, without the session of the server's own a SQLite one starts with, whose date has another shape. */
    private ChatStoreSearchTest.ChatStore emptied(Function<Path, ChatStoreSearchTest.ChatStore> chatStore) {
        ChatStoreSearchTest.ChatStore chat = chatStore.apply(tempDir);
        try (SessionStore store = StoreFactory.open(chat.locator(), OpenMode.CREATE_IF_MISSING)) {
            store.delete("s1");
        }
        return chat;
    }

    /** The chat store {@linkplain #emptied emptied}, then holding a session of each key and date ({@code key, date, key, date...}). */
    private ChatStoreSearchTest.ChatStore withSessions(Function<Path, ChatStoreSearchTest.ChatStore> chatStore, String... keysAndDates) {
        ChatStoreSearchTest.ChatStore chat = emptied(chatStore);
        try (SessionStore store = StoreFactory.open(chat.locator(), OpenMode.EXISTING)) {
            for (int i = 0; i < keysAndDates.length; i += 2) {
                store.put(chat(keysAndDates[i], "acme", keysAndDates[i + 1], "hello"));
            }
        }
        return chat;
    }

    /** The store's sessions oldest first are these, and each page is the reference's. */
    private static void assertOldestFirst(ChatStoreSearchTest.ChatStore chat, String... keys) {
        try (SessionStore store = StoreFactory.open(chat.locator(), OpenMode.EXISTING)) {
            assertThat(keys(store.page(SessionQuery.all().sortedBy(SortKey.CREATED_AT, false)))).containsExactly(keys);
            assertEveryPageIsTheReferences(store);
        }
    }

    /** Each page, ascending and descending, alone and with a filter or a search, against the reference over every record. */
    private static void assertEveryPageIsTheReferences(SessionStore store) {
        List<SessionRecord> every = new ArrayList<>();
        try (RecordCursor records = store.cursor()) {
            records.forEachRemaining(every::add);
        }
        List<SessionQuery> queries = new ArrayList<>();
        for (boolean descending : List.of(false, true)) {
            SessionQuery sorted = SessionQuery.all().sortedBy(SortKey.CREATED_AT, descending);
            queries.add(sorted);
            queries.add(sorted.withFilters(List.of(new FieldFilter(SortKey.TENANT_ID, "tenant-1"))));
            queries.add(sorted.withSearch("refund"));
        }
        for (SessionQuery query : queries) {
            List<SessionRecord> matching = every.stream().filter(query::matches).sorted(query.comparator()).toList();
            for (int offset = 0; offset <= matching.size(); offset += PAGE) {
                Page page = store.page(query.page(offset, PAGE));
                List<String> expected = matching.subList(offset, Math.min(offset + PAGE, matching.size())).stream().map(SessionRecord::key).toList();
                assertThat(keys(page)).as("%s, offset %d", query, offset).containsExactlyElementsOf(expected);
                assertThat(page.totalMatching()).as("%s, offset %d", query, offset).isEqualTo(matching.size());
            }
        }
    }

    private static List<String> keys(Page page) {
        return page.records().stream().map(SessionRecord::key).toList();
    }

    private static SessionRecord chat(String id, String tenant, String createdAt, String said) {
        ObjectNode record = JsonNodeFactory.instance.objectNode().put("id", id).put("tenantId", tenant).put("createdAt", createdAt);
        record.putArray("messages").addObject().put("id", id + "-m1").put("role", "user").put("content", said).put("timestamp", "2026-01-01T00:00:01.000Z");
        return SessionRecord.of(record);
    }
}
