package dev.sessiondb.store.sql;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.SessionStoreConformance;
import dev.sessiondb.store.StoreFactory;
import java.nio.file.Path;

/** The conformance suite on a real PostgreSQL (embedded, or SESSIONDB_TEST_PG_URL) in the native layout, one fresh schema per test. */
class PostgresNativeConformanceTest extends SessionStoreConformance {

    @Override
    protected SessionStore createEmptyStore(Path directory) {
        return StoreFactory.open(TestPostgres.get().freshSchema("layout=native"), OpenMode.CREATE_IF_MISSING);
    }
}
