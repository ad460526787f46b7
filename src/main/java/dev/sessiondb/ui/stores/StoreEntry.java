package dev.sessiondb.ui.stores;

import dev.sessiondb.store.StoreLocator;

/**
 * One store in the sidebar.
 *
 * @param locator the locator as saved (never with a password)
 * @param title   a short name (the file or database name, with the parent folders that tell it from a store of its list of the same name)
 * @param detail  the format and where it is, or why it was found
 */
public record StoreEntry(String locator, String title, String detail) {

    public static StoreEntry of(String locatorText, String why) {
        StoreLocator locator = StoreLocator.parse(locatorText);
        String place = locator.localPath().isPresent() ? locator.target() : locator.display();
        String title = locator.shortName();
        String detail = locator.format().scheme() + " · " + (why == null ? place : why);
        return new StoreEntry(locator.display(), title, detail);
    }

    /** The same store under another title. */
    public StoreEntry titled(String newTitle) {
        return new StoreEntry(locator, newTitle, detail);
    }
}
