package dev.sessiondb.store;

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
}
