package dev.sessiondb.store.sql;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.SessionStoreConformance;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;

/** The conformance suite on a real PostgreSQL (embedded, or SESSIONDB_TEST_PG_URL) in Minsky's own schema (projects and sessions), one fresh schema per test. */
class PostgresMinskyConformanceTest extends SessionStoreConformance {

    @Override
    protected SessionStore createEmptyStore(Path directory) {
        StoreLocator minsky = MinskySchemas.postgres(false);
        // the suite sorts and edits by branch, a column Minsky's 2025 PostgreSQL table had and its current one dropped
        TestPostgres.get().execute("ALTER TABLE " + minsky.param("schema").orElseThrow() + ".sessions ADD COLUMN branch varchar(255)");
        return StoreFactory.open(minsky.withParam("layout", "minsky"), OpenMode.EXISTING);
    }
}
