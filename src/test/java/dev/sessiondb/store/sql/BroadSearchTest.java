package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A word in more sessions than {@link PageQuery#INDEX_MATCHES_WORTH_IT} is answered by a scan in
 * key order, a rarer one by the search index, and a page without its count
 * ({@link SessionStore#pageRecords}) by the same plan: every page and count stays what the
 * reference semantics pick, in both SQL stores, whichever way the words fall.
 */
class BroadSearchTest {

    private static final int SESSIONS = PageQuery.INDEX_MATCHES_WORTH_IT + 700;
    /** In every sample key. */
    private static final String EVERYWHERE = "md#";
    /** In ten sample keys (000120 to 000129). */
    private static final String RARE = "00012";

    @TempDir
    Path directory;

    static Stream<Arguments> stores() {
        return Stream.of(
                Arguments.of("sqlite", (Function<Path, StoreLocator>) dir -> StoreLocator.parse("sqlite:" + dir.resolve("s.db"))),
                Arguments.of("postgresql", (Function<Path, StoreLocator>) dir -> TestPostgres.get().freshSchema()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void broadAndRareWordsPageAndCountLikeTheReference(String name, Function<Path, StoreLocator> where) {
        List<SessionRecord> records = SampleSessions.minskyList(SESSIONS, 3);
        assertThat(records.stream().filter(SessionQuery.all().withSearch(EVERYWHERE)::matches).count())
                .as("the broad word must outnumber what the index is asked for").isGreaterThanOrEqualTo(PageQuery.INDEX_MATCHES_WORTH_IT);
        try (SessionStore store = StoreFactory.open(where.apply(directory), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.upsert(records.iterator(), records.size()), ProgressMonitor.NONE);

            for (String search : List.of(EVERYWHERE, RARE, EVERYWHERE + " " + RARE, "MD#0009", "md", "minsky")) {
                for (SessionQuery query : List.of(
                        SessionQuery.all().withSearch(search).page(0, 50),
                        SessionQuery.all().withSearch(search).page(SESSIONS - 30, 50),
                        SessionQuery.all().withSearch(search).sortedBy(SortKey.CREATED_AT, true).page(5, 40),
                        SessionQuery.all().withSearch(search).after(records.get(1_000).key()).page(0, 25))) {
                    List<SessionRecord> matching = records.stream().filter(query::matches).sorted(query.comparator()).toList();
                    List<String> expected = matching.stream().skip(query.offset()).limit(query.limit()).map(SessionRecord::key).toList();

                    Page page = store.page(query);

                    String what = name + " '" + search + "' " + query.sort() + " offset " + query.offset();
                    assertThat(page.records()).extracting(SessionRecord::key).as(what).isEqualTo(expected);
                    assertThat(page.totalMatching()).as(what).isEqualTo(matching.size());
                    assertThat(store.pageRecords(query)).extracting(SessionRecord::key).as(what + " without its count").isEqualTo(expected);
                }
            }
        }
    }
}
