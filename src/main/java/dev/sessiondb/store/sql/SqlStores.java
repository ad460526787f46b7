package dev.sessiondb.store.sql;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreLocator;

/** Placeholder until the SQL backends land. */
public final class SqlStores {

    private SqlStores() {
    }

    public static SessionStore openSqlite(StoreLocator locator, OpenMode mode) {
        throw new UnsupportedOperationException("not built yet: " + locator);
    }

    public static SessionStore openPostgres(StoreLocator locator, OpenMode mode) {
        throw new UnsupportedOperationException("not built yet: " + locator);
    }
}
