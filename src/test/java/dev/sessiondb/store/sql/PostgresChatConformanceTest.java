package dev.sessiondb.store.sql;

import dev.sessiondb.model.SessionRecord;
import java.util.List;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.SessionStoreConformance;
import dev.sessiondb.store.StoreFactory;
import java.nio.file.Path;

/** The conformance suite on a real PostgreSQL (embedded, or SESSIONDB_TEST_PG_URL) in the chat layout, one fresh schema per test. */
class PostgresChatConformanceTest extends SessionStoreConformance {

    @Override
    protected SessionStore createEmptyStore(Path directory) {
        return StoreFactory.open(TestPostgres.get().freshSchema("layout=chat"), OpenMode.CREATE_IF_MISSING);
    }

    @Override
    protected List<SessionRecord> sampleRecords() {
        return SqlTestData.chatRecords();
    }
}
