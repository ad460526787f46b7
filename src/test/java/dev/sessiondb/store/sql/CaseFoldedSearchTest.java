package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An audit: {@code ls --search CAFÉ} found {@code café} in a JSON file but not in SQLite, whose {@code LIKE} and
 * {@code lower()} fold ASCII only. Every store and layout, with its search index or without (a word shorter than a
 * trigram), finds the same sessions for a word in any case: simple Unicode case folding, as {@code CaseFolding} says.
 */
class CaseFoldedSearchTest {

    private static final String CAFE = "caf\u00e9-work";
    private static final String CAFE_LOUD = "CAF\u00c9-LOUD";
    private static final String CAFE_DECOMPOSED = "cafe\u0301-nfd";
    private static final String ECOLE = "\u00c9COLE-x";
    private static final String GREEK_LOUD = "\u039f\u0394\u039f\u03a3-greek";
    private static final String GREEK_FINAL_SIGMA = "\u03bf\u03b4\u03bf\u03c2-lower";
    private static final String STRASSE = "stra\u00dfe-de";
    private static final String ASCII = "plain-ascii";

    /** Each word and the sessions it finds, worked out by hand rather than by the reference the stores are held to elsewhere. */
    private static final Map<String, List<String>> FINDS = Map.ofEntries(
            Map.entry("CAF\u00c9", List.of(CAFE, CAFE_LOUD, CAFE_DECOMPOSED)),
            Map.entry("caf\u00e9", List.of(CAFE, CAFE_LOUD, CAFE_DECOMPOSED)),
            Map.entry("\u00c9", List.of(CAFE, CAFE_LOUD, CAFE_DECOMPOSED, ECOLE)),
            Map.entry("\u00e9", List.of(CAFE, CAFE_LOUD, CAFE_DECOMPOSED, ECOLE)),
            Map.entry("\u00e9c", List.of(ECOLE)),
            Map.entry("\u00c9cole", List.of(ECOLE)),
            Map.entry("\u039f\u0394\u039f\u03a3", List.of(GREEK_LOUD, GREEK_FINAL_SIGMA)),
            Map.entry("\u03bf\u03b4\u03bf\u03c3", List.of(GREEK_LOUD, GREEK_FINAL_SIGMA)),
            Map.entry("\u039f\u03b4", List.of(GREEK_LOUD, GREEK_FINAL_SIGMA)),
            Map.entry("STRA\u00dfE", List.of(STRASSE)),
            Map.entry("\u1e9e", List.of(STRASSE)),
            Map.entry("STRASSE", List.of()),
            Map.entry("CAFE", List.of(CAFE_DECOMPOSED)),
            Map.entry("ASCII", List.of(ASCII)),
            Map.entry("caf\u00c9-L", List.of(CAFE_LOUD)),
            Map.entry("*\u00e9", List.of()),
            Map.entry("[\u00e9", List.of()));

    @TempDir
    Path tempDir;

    static Stream<Arguments> stores() {
        Function<Path, StoreLocator> json = dir -> StoreLocator.of(StoreFormat.JSON, dir.resolve("session-db.json"));
        Function<Path, StoreLocator> jsonDir = dir -> StoreLocator.of(StoreFormat.JSONDIR, dir.resolve("sessions"));
        Function<Path, StoreLocator> sqliteNative = dir -> StoreLocator.parse("sqlite:" + dir.resolve("sessions.db") + "?layout=native");
        Function<Path, StoreLocator> sqliteMinsky = dir -> StoreLocator.parse("sqlite:" + dir.resolve("sessions.db") + "?layout=minsky");
        Function<Path, StoreLocator> sqliteChat = dir -> StoreLocator.parse("sqlite:" + dir.resolve("sessions.db") + "?layout=chat");
        Function<Path, StoreLocator> postgresNative = dir -> TestPostgres.get().freshSchema("layout=native");
        Function<Path, StoreLocator> postgresChat = dir -> TestPostgres.get().freshSchema("layout=chat");
        return Stream.of(Arguments.of("json", json, false), Arguments.of("jsondir", jsonDir, false),
                Arguments.of("sqlite native", sqliteNative, false), Arguments.of("sqlite minsky", sqliteMinsky, false),
                Arguments.of("sqlite chat", sqliteChat, true), Arguments.of("postgresql native", postgresNative, false),
                Arguments.of("postgresql minsky", (Function<Path, StoreLocator>) dir -> minskyPostgres(), false),
                Arguments.of("postgresql chat", postgresChat, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aWordInAnyCaseFindsTheSameSessionsInEveryStore(String name, Function<Path, StoreLocator> locator, boolean chat) {
        List<SessionRecord> records = named(chat ? SqlTestData.chatRecords() : Fixtures.minskyRecords());
        try (SessionStore store = StoreFactory.open(locator.apply(tempDir), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(records.iterator(), records.size()), ProgressMonitor.NONE);
            FINDS.forEach((word, expected) -> {
                SessionQuery query = SessionQuery.all().withSearch(word).page(0, 10_000);
                assertThat(store.page(query).records()).extracting(SessionRecord::key).as(name + ": " + word).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(store.page(query).totalMatching()).as(name + ": count of " + word).isEqualTo(expected.size());
                assertThat(records.stream().filter(query::matches).map(SessionRecord::key)).as("the reference: " + word)
                        .containsExactlyInAnyOrderElementsOf(expected);
            });
        }
    }

    /** Minsky's own PostgreSQL schema, with the branch column its 2025 table had (as the conformance suite's). */
    private static StoreLocator minskyPostgres() {
        StoreLocator minsky = MinskySchemas.postgres(false);
        TestPostgres.get().execute("ALTER TABLE " + minsky.param("schema").orElseThrow() + ".sessions ADD COLUMN branch varchar(255)");
        return minsky.withParam("layout", "minsky");
    }

    /** The first records of a fixture, each renamed to one of the test's sessions. */
    private static List<SessionRecord> named(List<SessionRecord> fixture) {
        List<String> names = List.of(CAFE, CAFE_LOUD, CAFE_DECOMPOSED, ECOLE, GREEK_LOUD, GREEK_FINAL_SIGMA, STRASSE, ASCII);
        List<SessionRecord> records = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            SessionRecord record = fixture.get(i);
            String keyField = SessionRecord.KEY_FIELDS.stream().filter(record::has).findFirst().orElseThrow();
            records.add(record.with(keyField, names.get(i)));
        }
        return records;
    }
}
