package dev.sessiondb.store;

/** Opens the store a locator names, through its format's {@link StoreProvider}. */
public final class StoreFactory {

    private StoreFactory() {
    }

    public static SessionStore open(StoreLocator locator, OpenMode mode) {
        return StoreProviders.of(locator).open(locator, mode);
    }

    /** See {@link StoreProvider#openToReadThrough}. */
    public static SessionStore openToReadThrough(StoreLocator locator) {
        return StoreProviders.of(locator).openToReadThrough(locator);
    }

    /** See {@link StoreProvider#openToLook}. */
    public static SessionStore openToLook(StoreLocator locator) {
        return StoreProviders.of(locator).openToLook(locator);
    }

    public static SessionStore open(String locator, OpenMode mode) {
        return open(StoreLocator.parse(locator), mode);
    }
}
