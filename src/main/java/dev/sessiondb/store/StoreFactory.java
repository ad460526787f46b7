package dev.sessiondb.store;

import dev.sessiondb.store.json.JsonFileStore;
import dev.sessiondb.store.jsondir.JsonDirStore;
import dev.sessiondb.store.sql.SqlStores;

/** Opens the backend a locator names. The one place that knows every backend. */
public final class StoreFactory {

    private StoreFactory() {
    }

    public static SessionStore open(StoreLocator locator, OpenMode mode) {
        return switch (locator.format()) {
            case JSON -> JsonFileStore.open(locator, mode);
            case JSONDIR -> JsonDirStore.open(locator, mode);
            case SQLITE -> SqlStores.openSqlite(locator, mode);
            case POSTGRESQL -> SqlStores.openPostgres(locator, mode);
        };
    }

    public static SessionStore open(String locator, OpenMode mode) {
        return open(StoreLocator.parse(locator), mode);
    }
}
