package dev.sessiondb.store.json;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.SessionStoreConformance;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;

class JsonFileConformanceTest extends SessionStoreConformance {

    @Override
    protected SessionStore createEmptyStore(Path directory) {
        return JsonFileStore.open(StoreLocator.of(StoreFormat.JSON, directory.resolve("session-db.json")), OpenMode.CREATE_IF_MISSING);
    }
}
