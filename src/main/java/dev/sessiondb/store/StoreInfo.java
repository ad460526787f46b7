package dev.sessiondb.store;

import dev.sessiondb.model.KindsHeld;
import java.time.Instant;
import java.util.List;

/**
 * What a store is, for {@code sessiondb info} and the stores sidebar.
 *
 * @param locator       the store's locator with any password masked
 * @param schemaVersion the layout's version ("2" for native, "bare array" for a JSON file, ...)
 * @param lastModified  when the store last changed, when the format can tell; null otherwise
 * @param notes         what a user should know: missing columns, read-only reasons
 * @param era           which release family of the store's tool wrote it ("minsky-sqlite-2026 (...)"), or null when unknown
 *                      (or, by {@link #holding}, not its tool's)
 */
public record StoreInfo(String locator, StoreFormat format, StoreLayout layout, String schemaVersion,
                        long recordCount, Instant lastModified, List<String> notes, String era) {

    public StoreInfo {
        notes = List.copyOf(notes);
    }

    /** A store whose era is not known. */
    public StoreInfo(String locator, StoreFormat format, StoreLayout layout, String schemaVersion,
                     long recordCount, Instant lastModified, List<String> notes) {
        this(locator, format, layout, schemaVersion, recordCount, lastModified, notes, null);
    }

    /**
     * This store as its sessions tell it, where counted: a store in a tool's shape holding other tools' sessions (a JSON file of
     * a chat server's sessions, in Minsky's shape) was not written by that tool, so no release family of it is named.
     */
    public StoreInfo holding(KindsHeld kinds) {
        return holdsOtherToolsSessions(kinds) ? new StoreInfo(locator, format, layout, schemaVersion, recordCount, lastModified, notes, null) : this;
    }

    /** The layout as a user reads it: "minsky", or "minsky (Minsky's shape, holding other tools' sessions)" where they were counted so. */
    public String layoutShown(KindsHeld kinds) {
        return holdsOtherToolsSessions(kinds)
                ? layout.id() + " (" + layout.tool().orElseThrow().toolName() + "'s shape, holding other tools' sessions)" : layout.id();
    }

    private boolean holdsOtherToolsSessions(KindsHeld kinds) {
        return layout.tool().filter(tool -> kinds.counts().keySet().stream().anyMatch(kind -> kind != tool)).isPresent();
    }
}
