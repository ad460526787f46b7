package dev.sessiondb.store.sql;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.SessionStoreConformance;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;

/** The conformance suite on a real SQLite file in the native layout. */
class SqliteNativeConformanceTest extends SessionStoreConformance {

    @Override
    protected SessionStore createEmptyStore(Path directory) {
        return StoreFactory.open(StoreLocator.parse("sqlite:" + directory.resolve("sessions.db") + "?layout=native"), OpenMode.CREATE_IF_MISSING);
    }
}
