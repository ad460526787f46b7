package dev.sessiondb.store;

/** Opens the store a locator names, through its format's {@link StoreProvider}. */
public final class StoreFactory {

    private StoreFactory() {
    }

    public static SessionStore open(StoreLocator locator, OpenMode mode) {
        return StoreProviders.of(locator).open(locator, mode);
    }

    public static SessionStore open(String locator, OpenMode mode) {
        return open(StoreLocator.parse(locator), mode);
    }
}
