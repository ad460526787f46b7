package dev.sessiondb.store.json;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;

/** Placeholder until the backend lands. */
public final class JsonFileStore {

    private JsonFileStore() {
    }

    public static SessionStore open(StoreLocator locator, OpenMode mode) {
        throw new UnsupportedOperationException("not built yet: " + locator);
    }
}
