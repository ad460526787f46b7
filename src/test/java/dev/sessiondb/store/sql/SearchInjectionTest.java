package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Search and filter text reaches the database only as bound parameters: SQL, LIKE, FTS5 and
 * pg_trgm syntax in the input changes nothing, and every page holds exactly the records the
 * reference semantics ({@link SessionQuery#matches}) pick, no more, on every SQL layout this tool
 * creates (a Minsky PostgreSQL database is made by Minsky's own migrator, so it is not made here).
 */
class SearchInjectionTest {

    /** Typed into the search box or a filter. */
    static final List<String> CORPUS = List.of(
            "'", "''", "'; DROP TABLE sessions; --", "x'); DELETE FROM sessions; --", "' OR '1'='1", "\" OR 1=1 --",
            "%", "%%", "_", "__", "%_%", "\\", "\\%", "\\_", "\\\\", "100%", "under_score", "back\\slash",
            "NEAR(", "NEAR(a b)", "\"", "\"\"", "*", "a*", "OR", "a OR b", "AND", "NOT x", "^abc", "{session_key} : x",
            "session_key:abc", "(", ")", ":", "-", "+", "~", "<->", "% ILIKE '%", "similarity(", "\0", "x\0y", "∑漢字🙂");

    /** Keys that hold the metacharacters literally, so a literal match has something to find. */
    private static final List<String> PLANTED = List.of("quote-'-a", "pct-100%-b", "under_score-c", "back\\slash-d",
            "near-NEAR(a b)-e", "dq-\"-f", "star-*-g", "or-a OR b-h", "drop-'; DROP TABLE sessions; ---i");

    @TempDir
    Path directory;

    static Stream<Arguments> stores() {
        return Stream.of(
                store("sqlite native", dir -> StoreLocator.parse("sqlite:" + dir.resolve("n.db")), false),
                store("sqlite minsky", dir -> StoreLocator.parse("sqlite:" + dir.resolve("m.db") + "?layout=minsky"), false),
                store("sqlite chat", dir -> StoreLocator.parse("sqlite:" + dir.resolve("c.db") + "?layout=chat"), true),
                store("postgresql native", dir -> TestPostgres.get().freshSchema(), false),
                store("postgresql chat", dir -> TestPostgres.get().freshSchema("layout=chat"), true),
                store("json", dir -> StoreLocator.parse("json:" + dir.resolve("s.json")), false),
                store("jsondir", dir -> StoreLocator.parse("jsondir:" + dir.resolve("d")), false));
    }

    private static Arguments store(String name, Function<Path, StoreLocator> where, boolean chat) {
        return Arguments.of(name, where, chat);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void injectionInSearchAndFiltersChangesNothingAndFindsOnlyLiteralMatches(String name, Function<Path, StoreLocator> where, boolean chat) {
        List<SessionRecord> records = records(chat);
        try (SessionStore store = StoreFactory.open(where.apply(directory), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.upsert(records.iterator(), records.size()), ProgressMonitor.NONE);
            List<SessionRecord> stored = all(store);

            for (String input : CORPUS) {
                for (SessionQuery query : List.of(SessionQuery.all().withSearch(input),
                        SessionQuery.all().withFilters(List.of(new FieldFilter(SortKey.BRANCH, input))),
                        SessionQuery.all().withFilters(List.of(new FieldFilter(SortKey.SESSION, input))))) {
                    List<String> expected = stored.stream().filter(query::matches).map(SessionRecord::key).sorted().toList();
                    assertThat(keys(store, query, input)).as("%s on %s", printable(input), name).isEqualTo(expected);
                }
            }

            assertThat(all(store)).as("nothing changed").isEqualTo(stored);
            assertThat(store.page(SessionQuery.all().withSearch("100%")).records()).extracting(SessionRecord::key).contains("pct-100%-b");
            assertThat(store.page(SessionQuery.all().withSearch("NEAR(a b)")).records()).extracting(SessionRecord::key).containsExactly("near-NEAR(a b)-e");
        }
    }

    /** The page's keys; PostgreSQL cannot hold NUL in text, so a NUL in the input may only be refused with a clear message. */
    private static List<String> keys(SessionStore store, SessionQuery query, String input) {
        try {
            List<String> keys = new ArrayList<>();
            store.page(query.page(0, 1_000)).records().forEach(record -> keys.add(record.key()));
            return keys.stream().sorted().toList();
        } catch (StoreException refused) {
            assertThat(input).as("only a NUL may be refused: " + refused.getMessage()).contains("\0");
            assertThat(refused.getMessage()).doesNotContain("\tat ");
            return List.of();
        }
    }

    private static List<SessionRecord> records(boolean chat) {
        List<SessionRecord> records = new ArrayList<>();
        for (int i = 0; i < PLANTED.size(); i++) {
            SessionRecord base = chat ? SampleSessions.chatRecord(i) : SampleSessions.minskyRecord(i, 5);
            SessionRecord planted = SessionRecord.of(base.fields().deepCopy().put(keyField(base), PLANTED.get(i)));
            records.add(chat ? planted : planted.with("branch", PLANTED.get(PLANTED.size() - 1 - i)));
        }
        return records;
    }

    private static String keyField(SessionRecord record) {
        return SessionRecord.KEY_FIELDS.stream().filter(record.fields()::has).findFirst().orElseThrow();
    }

    private static List<SessionRecord> all(SessionStore store) {
        return store.page(SessionQuery.all().page(0, 1_000)).records().stream()
                .sorted(Comparator.comparing(SessionRecord::key)).toList();
    }

    private static String printable(String input) {
        return input.replace("\0", "\\0");
    }
}
