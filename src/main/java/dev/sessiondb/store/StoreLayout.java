package dev.sessiondb.store;

import java.util.Locale;

/** Which tool's shape a store has inside its format. */
public enum StoreLayout {
    /** SessionDB Admin's own layout: Flyway-versioned, indexed, lossless (the whole record is kept). */
    NATIVE,
    /** Minsky's layout: a JSON array or wrapper, camelCase SQLite columns, snake_case PostgreSQL columns. */
    MINSKY,
    /** The chat server's two tables, sessions and messages. */
    CHAT,
    /** magellai: one JSON file per session in a directory. */
    MAGELLAI;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StoreLayout parse(String text) {
        for (StoreLayout layout : values()) {
            if (layout.id().equalsIgnoreCase(text.strip())) {
                return layout;
            }
        }
        throw new IllegalArgumentException("unknown layout '" + text + "'; use native, minsky, chat or magellai");
    }
}
