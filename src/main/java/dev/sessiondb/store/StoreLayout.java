package dev.sessiondb.store;

import dev.sessiondb.model.SessionKind;
import java.util.Locale;
import java.util.Optional;

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

    /** The tool whose store has this shape; none for the native layout, which holds any tool's sessions as they are. */
    public Optional<SessionKind> tool() {
        return switch (this) {
            case NATIVE -> Optional.empty();
            case MINSKY -> Optional.of(SessionKind.MINSKY);
            case CHAT -> Optional.of(SessionKind.CHAT);
            case MAGELLAI -> Optional.of(SessionKind.MAGELLAI);
        };
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
