package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * A page without its count ({@link SessionStore#pageRecords}: {@code ls --limit}, the window's pages) of a search a chat server's
 * tables cannot answer exactly in SQL is read in SQL's order and stops once it is full. Before, a word said in every message read
 * every session with its messages to sort them in Java, 100,000 for {@code ls --search message --limit 5}. The pages stay the
 * reference's, a session SQL lets through that Java rejects (the word only inside a masked token) passed over, not shortening them.
 */
class PageStopsWhenFullTest {

    private static final String STORES = "dev.sessiondb.store.sql.ChatStoreSearchTest#chatStores";
    private static final int MATCHING = 2_000;
    private static final String TOKEN = "ghp_ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210";

    @TempDir
    Path tempDir;

    @ParameterizedTest(name = "{0}")
    @MethodSource(STORES)
    void aPageOfFiveStopsFarShortOfTwoThousandMatchingSessions(String name, Function<Path, ChatStoreSearchTest.ChatStore> chatStore) throws SQLException {
        ChatStoreSearchTest.ChatStore chat = filled(chatStore);
        for (SessionQuery query : List.of(SessionQuery.all().withSearch("hello").page(0, 5),
                SessionQuery.all().withSearch("HELLO").sortedBy(SortKey.CREATED_AT, true).page(0, 5),
                SessionQuery.all().withSearch("hello").sortedBy(SortKey.TENANT_ID, false).page(20, 5))) {
            AtomicInteger read = new AtomicInteger();
            List<SessionRecord> page;
            try (Connection connection = connection(chat.locator())) {
                Layout counted = countingReads(new ChatLayout(dialect(chat.locator()), name), read);
                page = new PageQuery(counted.dialect(), counted, query, null).records(connection);
            }
            assertThat(page).hasSize(5);
            // a fetch's worth of rows first, sorted in Java had they been all; then the page in SQL's order
            assertThat(read.get()).as("sessions read for %s", query).isBetween(5, Dialect.FETCH_SIZE + 100);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(STORES)
    void pagesAreTheReferencesWhateverJavaRejects(String name, Function<Path, ChatStoreSearchTest.ChatStore> chatStore) {
        ChatStoreSearchTest.ChatStore chat = filled(chatStore);
        try (SessionStore store = StoreFactory.open(chat.locator(), OpenMode.EXISTING)) {
            SessionQuery masked = SessionQuery.all().withSearch("zyxwvutsrq");
            assertThat(every(store).stream().filter(record -> record.key().startsWith("a-"))).as("only behind a mask").noneMatch(masked::matches);
            assertPagesAreTheReferences(store, List.of(SessionQuery.all().withSearch("hello"), masked, SessionQuery.all().withSearch("session 7"),
                    SessionQuery.all().withSearch("hello").withFilters(List.of(new FieldFilter(SortKey.TENANT_ID, "tenant-1")))));
        }
    }

    /** A native store filtering by a field it has no column for (a chat session's tenant) confirms in Java too, its rows read whole. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sessiondb.store.sql.BroadSearchTest#stores")
    void nativePagesFilteredByAFieldWithoutAColumnAreTheReferences(String name, Function<Path, StoreLocator> where) {
        try (SessionStore store = StoreFactory.open(where.apply(tempDir), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.upsert(sessions().iterator(), sessions().size()), ProgressMonitor.NONE);
            FieldFilter tenant = new FieldFilter(SortKey.TENANT_ID, "tenant-1");
            assertPagesAreTheReferences(store, List.of(SessionQuery.all().withFilters(List.of(tenant)),
                    SessionQuery.all().withSearch("zyxwvutsrq").withFilters(List.of(new FieldFilter(SortKey.USER_ID, "user-3")))));
        }
    }

    /** Each query's pages of 5 without their count, sorted each way by a column SQL sorts by and by one Java does, as the reference's. */
    private static void assertPagesAreTheReferences(SessionStore store, List<SessionQuery> queries) {
        List<SessionRecord> every = every(store);
        for (SessionQuery searched : queries) {
            for (SortKey sort : List.of(SortKey.SESSION, SortKey.CREATED_AT, SortKey.TENANT_ID, SortKey.USER_ID)) {
                for (boolean descending : List.of(false, true)) {
                    SessionQuery sorted = searched.sortedBy(sort, descending);
                    List<String> matching = every.stream().filter(sorted::matches).sorted(sorted.comparator()).map(SessionRecord::key).toList();
                    assertThat(matching).as("%s", sorted).isNotEmpty();
                    for (long offset : List.of(0L, 3L, Math.max(0L, matching.size() - 2), matching.size() + 1L)) {
                        SessionQuery page = sorted.page(offset, 5);
                        List<String> expected = matching.stream().skip(offset).limit(5).toList();
                        assertThat(store.pageRecords(page)).extracting(SessionRecord::key).as("%s", page).containsExactlyElementsOf(expected);
                    }
                }
            }
        }
    }

    private static List<SessionRecord> every(SessionStore store) {
        List<SessionRecord> every = new ArrayList<>();
        try (RecordCursor records = store.cursor()) {
            records.forEachRemaining(every::add);
        }
        return every;
    }

    /**
     * The chat store holding {@link #sessions}, less the session the SQLite one starts with, whose date has another shape.
     */
    private ChatStoreSearchTest.ChatStore filled(Function<Path, ChatStoreSearchTest.ChatStore> chatStore) {
        ChatStoreSearchTest.ChatStore chat = chatStore.apply(tempDir);
        try (SessionStore store = StoreFactory.open(chat.locator(), OpenMode.CREATE_IF_MISSING)) {
            store.delete("s1");
            store.write(WriteBatch.upsert(sessions().iterator(), sessions().size()), ProgressMonitor.NONE);
        }
        return chat;
    }

    /**
     * {@value #MATCHING} chat sessions saying hello, their dates in the chat server's shape; before them in key order 600 whose only
     * zyxwvutsrq is inside a token (the word is then in most messages SQL samples, so SQL narrows nothing for it), after them 10
     * saying it plainly.
     */
    private static List<SessionRecord> sessions() {
        List<SessionRecord> records = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            records.add(chat("a-%03d".formatted(i), i, "my token is " + TOKEN));
        }
        for (int i = 0; i < MATCHING; i++) {
            records.add(chat("chat-%04d".formatted(i), i, "hello from session " + i));
        }
        for (int i = 0; i < 10; i++) {
            records.add(chat("z-%03d".formatted(i), i, "zyxwvutsrq said plainly"));
        }
        return records;
    }

    private static SessionRecord chat(String id, int i, String said) {
        String day = "2026-01-%02dT0%d:00:00.000Z".formatted(1 + i % 28, i % 10);
        ObjectNode record = JsonNodeFactory.instance.objectNode().put("id", id).put("tenantId", "tenant-" + i % 3).put("userId", "user-" + i % 7)
                .put("createdAt", day);
        record.putArray("messages").addObject().put("id", id + "-m1").put("role", "user").put("content", said).put("timestamp", day);
        return SessionRecord.of(record);
    }

    /** The layout, counting the sessions a page reads ({@link Layout#readListed}). */
    private static Layout countingReads(Layout layout, AtomicInteger read) {
        return (Layout) Proxy.newProxyInstance(Layout.class.getClassLoader(), new Class<?>[] {Layout.class}, (proxy, method, args) -> {
            if (method.getName().equals("readListed")) {
                read.incrementAndGet();
            }
            try {
                return method.invoke(layout, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    static Dialect dialect(StoreLocator locator) {
        return locator.format() == StoreFormat.SQLITE ? Dialect.SQLITE : Dialect.POSTGRESQL;
    }

    /** A connection to the store reading as its pages do: PostgreSQL's in a transaction, in the store's schema. */
    static Connection connection(StoreLocator locator) throws SQLException {
        if (locator.format() == StoreFormat.SQLITE) {
            return DriverManager.getConnection("jdbc:sqlite:" + locator.path());
        }
        PgCredentials credentials = PgCredentials.resolve(locator, System.getenv(), Path.of(System.getProperty("user.home")));
        Connection connection = DriverManager.getConnection(credentials.jdbcUrl(), credentials.user(), credentials.password());
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + locator.param("schema").orElseThrow());
        }
        connection.setAutoCommit(false);
        return connection;
    }
}
