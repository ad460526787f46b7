package dev.sessiondb.ui.stores;

import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Path;

/**
 * One store in the sidebar.
 *
 * @param locator the locator as saved (never with a password)
 * @param title   a short name (the file or database name)
 * @param detail  the format and where it is, or why it was found
 */
public record StoreEntry(String locator, String title, String detail) {

    public static StoreEntry of(String locatorText, String why) {
        StoreLocator locator = StoreLocator.parse(locatorText);
        String place = locator.format() == StoreFormat.POSTGRESQL ? locator.display() : locator.target();
        String title = locator.format() == StoreFormat.POSTGRESQL
                ? place.substring(place.lastIndexOf('/') + 1)
                : String.valueOf(Path.of(locator.target()).getFileName());
        String detail = locator.format().scheme() + " · " + (why == null ? place : why);
        return new StoreEntry(locator.display(), title, detail);
    }
}
