package dev.sessiondb.store.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.sample.SampleSessions;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageScanTest {

    private static final List<SessionRecord> RECORDS = SampleSessions.minskyList(600, 21);

    @ParameterizedTest(name = "{0} desc={1} search={2} offset={3} limit={4}")
    @CsvSource(textBlock = """
            SESSION,          false, '',        0,   10
            SESSION,          true,  '',        590, 50
            TASK_ID,          false, md#,       3,   17
            REPO_NAME,        true,  minsky,    40,  40
            STATUS,           false, '',        0,   600
            CREATED_AT,       true,  '',        100, 1
            LAST_ACTIVITY_AT, false, '',        5,   25
            BRANCH,           false, '',        0,   0
            SESSION,          false, '',        1000, 10
            """)
    void aPageHoldsTheSameRecordsAsSortingEverything(SortKey sort, boolean descending, String search, long offset, int limit) {
        SessionQuery query = SessionQuery.all().withSearch(search).sortedBy(sort, descending).page(offset, limit);

        Page page = scan(query);

        List<SessionRecord> matching = RECORDS.stream().filter(query::matches).sorted(query.comparator()).toList();
        assertThat(page.records()).isEqualTo(matching.stream().skip(offset).limit(limit).toList());
        assertThat(page.totalMatching()).isEqualTo(matching.size());
    }

    @ParameterizedTest
    @CsvSource({"local/minsky", "local-minsky"})
    void filtersAndKeysetPagingFollowTheReference(String repo) {
        SessionQuery query = SessionQuery.all().withFilters(List.of(new FieldFilter(SortKey.REPO_NAME, repo)))
                .after(RECORDS.get(300).key()).page(0, 20);

        assertThat(scan(query).records()).isEqualTo(RECORDS.stream().filter(query::matches).sorted(query.comparator()).limit(20).toList());
    }

    private static Page scan(SessionQuery query) {
        PageScan scan = new PageScan(query);
        RECORDS.forEach(scan::offer);
        return scan.page();
    }
}
