package dev.sessiondb.ui.common;

import dev.sessiondb.store.StoreLocator;

/** Short names for stores where a whole locator does not fit: job titles, the Undo button. */
public final class StoreNames {

    private StoreNames() {
    }

    /** The file or directory name, or the database name of a PostgreSQL store (never its password). */
    public static String shortName(StoreLocator store) {
        return store.shortName();
    }
}
