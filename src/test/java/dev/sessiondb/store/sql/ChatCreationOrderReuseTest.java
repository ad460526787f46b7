package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.WriteBatch;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A chat server's store sorted by createdAt scans its dates' shapes ({@link ChatCreationOrder}) once while it does not change, not
 * at every page (150 ms in SQLite and 370 ms in PostgreSQL at 100,000 sessions, each page), and again after any write: one of the
 * connection reading the pages, one of another connection (another program), one of the store itself. After a write of a date in
 * another shape, the next page is the reference's.
 */
class ChatCreationOrderReuseTest {

    private static final String STORES = "dev.sessiondb.store.sql.ChatStoreSearchTest#chatStores";
    /** The 2nd at 04:30 UTC, which its text does not say: newest first, the 11th of {@link #filled}'s by instant, the 16th by text. */
    private static final String OFFSET_DATE = "2026-01-01T23:30:00-05:00";
    private static final String INSERT_OFFSET_DATE = "INSERT INTO sessions VALUES ('offset', 'acme', NULL, NULL, '" + OFFSET_DATE + "')";
    /** The page that shows the session of {@link #OFFSET_DATE} sorted by its instant. */
    private static final SessionQuery AROUND_OFFSET_DATE = SessionQuery.all().sortedBy(SortKey.CREATED_AT, true).page(8, 5);

    @TempDir
    Path tempDir;

    @ParameterizedTest(name = "{0}")
    @MethodSource(STORES)
    void theScanRunsOnceForThePagesOfAnUnchangedStore(String name, Function<Path, ChatStoreSearchTest.ChatStore> chatStore) throws SQLException {
        ChatStoreSearchTest.ChatStore chat = filled(chatStore);
        List<SessionQuery> pages = pagesByDate();
        List<List<String>> expected = pages.stream().map(page -> reference(chat, page)).toList();
        AtomicInteger scans = new AtomicInteger();
        try (Connection connection = countingScans(PageStopsWhenFullTest.connection(chat.locator()), scans)) {
            ChatLayout layout = new ChatLayout(PageStopsWhenFullTest.dialect(chat.locator()), name);
            for (int i = 0; i < pages.size(); i++) {
                assertThat(keys(layout, pages.get(i), connection)).as("%s", pages.get(i)).containsExactlyElementsOf(expected.get(i));
                assertThat(new PageQuery(layout.dialect(), layout, pages.get(i), null).run(connection).records())
                        .extracting(SessionRecord::key).containsExactlyElementsOf(expected.get(i));
            }
        }
        assertThat(scans.get()).as("scans of the dates for %d pages", pages.size() * 2).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(STORES)
    void aWriteOnTheReadingConnectionScansAgain(String name, Function<Path, ChatStoreSearchTest.ChatStore> chatStore) throws SQLException {
        assertTheNextPageScansAgainAfter(filled(chatStore), name, (chat, connection) -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(INSERT_OFFSET_DATE);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(STORES)
    void anotherConnectionsWriteScansAgain(String name, Function<Path, ChatStoreSearchTest.ChatStore> chatStore) throws SQLException {
        assertTheNextPageScansAgainAfter(filled(chatStore), name, (chat, connection) -> chat.statements().accept(INSERT_OFFSET_DATE));
    }

    /** A write of a session of {@link #OFFSET_DATE}, by the reading connection or another. */
    private interface Write {
        void run(ChatStoreSearchTest.ChatStore chat, Connection reading) throws SQLException;
    }

    /** One page, the write, then the page showing the written session by its instant, and one more: two scans. */
    private static void assertTheNextPageScansAgainAfter(ChatStoreSearchTest.ChatStore chat, String name, Write write) throws SQLException {
        AtomicInteger scans = new AtomicInteger();
        try (Connection connection = countingScans(PageStopsWhenFullTest.connection(chat.locator()), scans)) {
            ChatLayout layout = new ChatLayout(PageStopsWhenFullTest.dialect(chat.locator()), name);
            keys(layout, AROUND_OFFSET_DATE, connection);
            write.run(chat, connection);
            if (!connection.getAutoCommit()) {
                connection.commit(); // PostgreSQL's: the write, or the read before the next page's
            }
            assertThat(keys(layout, AROUND_OFFSET_DATE, connection)).containsExactlyElementsOf(reference(chat, AROUND_OFFSET_DATE)).contains("offset");
            keys(layout, AROUND_OFFSET_DATE, connection);
        }
        assertThat(scans.get()).as("scans: before the write, after it, none for the page after").isEqualTo(2);
    }

    /** The store's own write, on whichever of its connections, and its next page sorted by date as the reference's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource(STORES)
    void theStoresOwnWriteSortsItsNextPageAsTheReference(String name, Function<Path, ChatStoreSearchTest.ChatStore> chatStore) {
        ChatStoreSearchTest.ChatStore chat = filled(chatStore);
        try (SessionStore store = StoreFactory.open(chat.locator(), OpenMode.EXISTING)) {
            List<String> before = store.pageRecords(AROUND_OFFSET_DATE).stream().map(SessionRecord::key).toList();
            store.put(chat("offset", OFFSET_DATE));
            assertThat(store.pageRecords(AROUND_OFFSET_DATE)).extracting(SessionRecord::key)
                    .containsExactlyElementsOf(reference(store, AROUND_OFFSET_DATE)).contains("offset");
            store.delete("offset");
            assertThat(store.pageRecords(AROUND_OFFSET_DATE)).extracting(SessionRecord::key).containsExactlyElementsOf(before);
        }
    }

    private static List<SessionQuery> pagesByDate() {
        List<SessionQuery> pages = new ArrayList<>();
        for (boolean descending : List.of(false, true)) {
            for (long offset : List.of(0L, 5L, 15L, 28L)) {
                pages.add(SessionQuery.all().sortedBy(SortKey.CREATED_AT, descending).page(offset, 5));
            }
        }
        return pages;
    }

    private static List<String> keys(ChatLayout layout, SessionQuery page, Connection connection) throws SQLException {
        return new PageQuery(layout.dialect(), layout, page, null).records(connection).stream().map(SessionRecord::key).toList();
    }

    private static List<String> reference(ChatStoreSearchTest.ChatStore chat, SessionQuery page) {
        try (SessionStore store = StoreFactory.open(chat.locator(), OpenMode.EXISTING)) {
            return reference(store, page);
        }
    }

    /** The page as {@link SessionQuery#matches} and {@link SessionQuery#comparator} give it over every record. */
    private static List<String> reference(SessionStore store, SessionQuery page) {
        List<SessionRecord> every = new ArrayList<>();
        try (RecordCursor records = store.cursor()) {
            records.forEachRemaining(every::add);
        }
        return every.stream().filter(page::matches).sorted(page.comparator()).skip(page.offset()).limit(page.limit())
                .map(SessionRecord::key).toList();
    }

    /** 30 sessions on the 1st to the 2nd of January 2026 in the chat server's shape, without the one the SQLite store starts with. */
    private ChatStoreSearchTest.ChatStore filled(Function<Path, ChatStoreSearchTest.ChatStore> chatStore) {
        ChatStoreSearchTest.ChatStore chat = chatStore.apply(tempDir);
        List<SessionRecord> sessions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sessions.add(chat("chat-%02d".formatted(i), "2026-01-0%dT%02d:00:00.000Z".formatted(1 + i % 2, i % 24)));
        }
        try (SessionStore store = StoreFactory.open(chat.locator(), OpenMode.CREATE_IF_MISSING)) {
            store.delete("s1");
            store.write(WriteBatch.upsert(sessions.iterator(), sessions.size()), ProgressMonitor.NONE);
        }
        return chat;
    }

    private static SessionRecord chat(String id, String createdAt) {
        ObjectNode record = JsonNodeFactory.instance.objectNode().put("id", id).put("tenantId", "acme").put("createdAt", createdAt);
        record.putArray("messages").addObject().put("id", id + "-m1").put("role", "user").put("content", "hello").put("timestamp", createdAt);
        return SessionRecord.of(record);
    }

    /** The connection, counting the statements it prepares that scan the dates' shapes: a trace of its SQL. */
    private static Connection countingScans(Connection connection, AtomicInteger scans) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            if (method.getName().equals("prepareStatement") && ((String) args[0]).contains("min(shape)")) {
                scans.incrementAndGet();
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
