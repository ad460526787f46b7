package dev.sessiondb.ui.sessions;

import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.SessionStore;
import java.util.List;
import java.util.Objects;

/**
 * The first page of a query; when searched or filtered, how many sessions the store has in
 * all (else -1), and whether the page's total is counted yet.
 */
record FirstPage(Page page, long storeTotal, boolean counted) {
    FirstPage {
        Objects.requireNonNull(page);
    }

    /**
     * A SQL store shows a search's first page without counting every match, which takes
     * seconds for a broad one in a million sessions; a page that is not full holds them all.
     */
    static FirstPage read(SessionStore store, SessionQuery query) {
        SessionQuery first = QueryPages.pageQuery(query, 0);
        if (query.search().isEmpty() && query.filters().isEmpty()) {
            return new FirstPage(store.page(first), -1, true);
        }
        long storeTotal = store.count();
        if (store.searchReadsEveryRecord()) {
            return new FirstPage(store.page(first), storeTotal, true);
        }
        List<SessionRecord> records = store.pageRecords(first);
        return new FirstPage(new Page(records, records.size()), storeTotal, records.size() < first.limit());
    }
}
