package dev.sessiondb.store.jsondir;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.SessionStoreConformance;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;

/** The real Minsky fixture in a directory store: keys with '#' and '/' become safe file names. */
class JsonDirConformanceTest extends SessionStoreConformance {

    @Override
    protected SessionStore createEmptyStore(Path directory) {
        return JsonDirStore.open(StoreLocator.of(StoreFormat.JSONDIR, directory.resolve("sessions")), OpenMode.CREATE_IF_MISSING);
    }
}
