package dev.sessiondb.store.file;

import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.RecordCursor;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.model.ValueCount;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A store of JSON files without an index: pages and lookups stream every record through
 * {@link #cursor()}, holding only the page. Records are kept as JSON, so nothing is lost.
 */
public abstract class ScanningStore implements SessionStore {

    private final StoreLocator locator;

    protected ScanningStore(StoreLocator locator) {
        this.locator = locator;
    }

    @Override
    public StoreLocator locator() {
        return locator;
    }

    @Override
    public boolean searchReadsEveryRecord() {
        return true;
    }

    @Override
    public Page page(SessionQuery query) {
        PageScan scan = new PageScan(query);
        try (RecordCursor records = cursor()) {
            records.forEachRemaining(scan::offer);
        }
        return scan.page();
    }

    /** A lookup here reads the store until it finds the key. */
    @Override
    public boolean looksUpByKey() {
        return false;
    }

    @Override
    public Optional<SessionRecord> get(String key) {
        try (RecordCursor records = cursor()) {
            while (records.hasNext()) {
                SessionRecord record = records.next();
                if (record.key().equals(key)) {
                    return Optional.of(record);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public List<ValueCount> distinctValues(SortKey field, SessionQuery within, int limit) {
        try (RecordCursor records = cursor()) {
            return ValueCount.tally(records, within::matches, field, limit);
        }
    }

    @Override
    public Set<String> unsupportedFields(SessionRecord record) {
        return Set.of();
    }

    @Override
    public void close() {
        // Nothing stays open between calls: every read opens and closes its files itself.
    }
}
