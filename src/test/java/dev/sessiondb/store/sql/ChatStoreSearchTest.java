package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A search of a chat server's own tables (no column for a task, a repository or a branch) is finished in Java, over the sessions
 * SQL finds may hold the word: before, it read every session with its messages (6-8 s a search at 100,000 sessions), so one
 * session whose traits no longer parse failed every search. Found as before: a word in a field riding inside traits, written
 * there as it is or escaped, and never a word seen only behind a masked token.
 */
class ChatStoreSearchTest {

    private static final String TOKEN = "ghp_ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210";

    @TempDir
    Path tempDir;

    /** A chat server's store, and how to run SQL in it as another program would. */
    record ChatStore(StoreLocator locator, Consumer<String> statements) {
    }

    static Stream<Arguments> chatStores() {
        return Stream.of(
                Arguments.of("sqlite", (Function<Path, ChatStore>) dir -> {
                    Path file = dir.resolve("chat.db");
                    try {
                        ForeignSqliteFiles.chat(file);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    return new ChatStore(StoreLocator.parse("sqlite:" + file), statements(file));
                }),
                Arguments.of("postgresql", (Function<Path, ChatStore>) dir -> {
                    StoreLocator store = TestPostgres.get().freshSchema("layout=chat");
                    return new ChatStore(store, sql -> TestPostgres.get().execute(store, "SET search_path TO " + store.param("schema").orElseThrow(), sql));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chatStores")
    void aSearchReadsOnlyTheSessionsThatMayHoldTheWord(String name, Function<Path, ChatStore> chatStore) {
        ChatStore chat = chatStore.apply(tempDir);
        try (SessionStore store = StoreFactory.open(chat.locator(), OpenMode.CREATE_IF_MISSING)) {
            store.put(chat("refunded", "{\"plan\":\"pro\"}", "I want a refund for order 42"));
            store.put(chat("secretive", null, "my token is " + TOKEN));
            store.put(chat("broken", "{\"plan\":\"free\"}", "hello"));
        }
        chat.statements().accept("UPDATE sessions SET traits = '{\"plan\": ' WHERE id = 'broken'");

        try (SessionStore store = StoreFactory.open(chat.locator(), OpenMode.EXISTING)) {
            assertThat(keys(store, "REFUND")).containsExactly("refunded");
            assertThat(keys(store, "order 42")).containsExactly("refunded");
            assertThat(store.page(SessionQuery.all().withSearch("refund")).totalMatching()).isEqualTo(1);
            // the token's text is in the messages table, masked in what a search confirms
            assertThat(keys(store, "ZYXWVUTSRQ")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chatStores")
    void aSearchFindsWordsInFieldsKeptInsideTraits(String name, Function<Path, ChatStore> chatStore) {
        ChatStore chat = chatStore.apply(tempDir);
        try (SessionStore store = StoreFactory.open(chat.locator(), OpenMode.CREATE_IF_MISSING)) {
            store.put(chat("plain", "{\"plan\":\"pro\"}", "hello").with("taskId", "md#431").with("branch", "Café/Ops <night>"));
            store.put(chat("other", "{\"plan\":\"free\"}", "hello"));
        }
        // another writer's traits, its JSON escaping what Jackson writes as it is
        chat.statements().accept("INSERT INTO sessions VALUES ('escaped', 'acme', NULL,"
                + " '{\"sessiondb:extra\":{\"branch\":\"Caf\\u00e9\\/Ops \\u003cnight\\u003e\"}}', '2025-01-06T09:00:00Z')");

        try (SessionStore store = StoreFactory.open(chat.locator(), OpenMode.EXISTING)) {
            assertThat(keys(store, "md#431")).containsExactly("plain");
            assertThat(keys(store, "CAFÉ/OPS")).containsExactly("escaped", "plain");
            assertThat(keys(store, "<NIGHT>")).containsExactly("escaped", "plain");
        }
    }

    /** A word in most messages is not looked for in SQL first (every session would pass): the search reads every one, as before. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("chatStores")
    void aWordSaidInNearlyEveryMessageFindsEverySessionSayingIt(String name, Function<Path, ChatStore> chatStore) {
        ChatStore chat = chatStore.apply(tempDir);
        try (SessionStore store = StoreFactory.open(chat.locator(), OpenMode.CREATE_IF_MISSING)) {
            store.put(chat("first", null, "hello there"));
            store.put(chat("second", "{\"plan\":\"pro\"}", "HELLO again"));
            store.put(chat("third", null, "goodbye"));

            SessionQuery hello = SessionQuery.all().withSearch("hello");
            List<String> saying = new ArrayList<>();
            try (RecordCursor every = store.cursor()) {
                every.forEachRemaining(record -> {
                    if (hello.matches(record)) {
                        saying.add(record.key());
                    }
                });
            }
            assertThat(keys(store, "hello")).containsExactlyElementsOf(saying).contains("first", "second").doesNotContain("third");
        }
    }

    private static Consumer<String> statements(Path file) {
        return sql -> {
            try {
                ForeignSqliteFiles.execute(file, sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static List<String> keys(SessionStore store, String search) {
        return store.page(SessionQuery.all().withSearch(search)).records().stream().map(SessionRecord::key).toList();
    }

    private static SessionRecord chat(String id, String traits, String said) {
        String text = "{\"id\":\"" + id + "\",\"tenantId\":\"acme\"" + (traits == null ? "" : ",\"traits\":" + traits)
                + ",\"createdAt\":\"2025-01-06T09:00:00Z\",\"messages\":[{\"id\":\"" + id + "-m1\",\"role\":\"user\",\"content\":\"" + said
                + "\",\"timestamp\":\"2025-01-06T09:00:01Z\"}]}";
        try {
            return SessionRecord.of(JsonCodec.parseObject(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
