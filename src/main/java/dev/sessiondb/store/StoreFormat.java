package dev.sessiondb.store;

/** How a session store is kept. */
public enum StoreFormat {
    JSON("json"), JSONDIR("jsondir"), SQLITE("sqlite"), POSTGRESQL("postgresql");

    private final String scheme;

    StoreFormat(String scheme) {
        this.scheme = scheme;
    }

    /** The locator prefix, as in {@code sqlite:PATH}. */
    public String scheme() {
        return scheme;
    }
}
