package dev.sessiondb.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.model.Page;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every conformance test stands on: the empty store of the backend and layout under test, opened before each
 * test and closed after it, and the ways to fill, reopen and read it and to ask the reference what a query finds.
 */
public abstract class ConformanceStore {

    @TempDir
    protected Path tempDir;

    protected SessionStore store;

    /** A new, empty store of the backend and layout under test. */
    protected abstract SessionStore createEmptyStore(Path directory);

    /** Records the layout is made for; Minsky layouts take the real fixture. */
    protected List<SessionRecord> sampleRecords() {
        return Fixtures.minskyRecords();
    }

    @BeforeEach
    void openEmptyStore() {
        store = createEmptyStore(tempDir);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected void fill(List<SessionRecord> records) {
        store.write(WriteBatch.replaceAll(records.iterator(), records.size()), ProgressMonitor.NONE);
    }

    protected SessionStore reopened() {
        store.close();
        store = StoreFactory.open(store.locator(), OpenMode.EXISTING);
        return store;
    }

    protected List<SessionRecord> reopenedRecords() {
        reopened();
        return readAll();
    }

    /** What the layout keeps of a record: all of it, less the fields it reports it cannot hold. */
    protected SessionRecord kept(SessionRecord record) {
        ObjectNode fields = record.fields();
        fields.remove(store.unsupportedFields(record));
        return SessionRecord.of(fields);
    }

    protected List<SessionRecord> readAll() {
        List<SessionRecord> all = new ArrayList<>();
        try (RecordCursor cursor = store.cursor()) {
            cursor.forEachRemaining(all::add);
        }
        return all;
    }

    protected static List<String> keys(Page page) {
        return page.records().stream().map(SessionRecord::key).toList();
    }

    protected static List<String> reference(List<SessionRecord> records, SessionQuery query) {
        return records.stream().filter(query::matches).sorted(query.comparator())
                .skip(query.offset()).limit(query.limit()).map(SessionRecord::key).toList();
    }
}
