package dev.sessiondb.store;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * How a session store is kept, named by its locator scheme ({@code sqlite:PATH}). Formats are
 * not a closed list: each backend's provider declares its own ({@link StoreProvider#format()}),
 * and a scheme the user typed or a manifest holds is looked up among the providers on the class
 * path ({@link StoreProviders#format(String)}). The built-in backends' formats have constants
 * for convenience. There is one instance per scheme, so formats compare with {@code ==}.
 */
public final class StoreFormat {

    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
    private static final ConcurrentMap<String, StoreFormat> BY_SCHEME = new ConcurrentHashMap<>();

    public static final StoreFormat JSON = of("json");
    public static final StoreFormat JSONDIR = of("jsondir");
    public static final StoreFormat SQLITE = of("sqlite");
    public static final StoreFormat POSTGRESQL = of("postgresql");

    private final String scheme;

    private StoreFormat(String scheme) {
        this.scheme = scheme;
    }

    /** The format of a scheme, for a provider declaring its own; anyone else asks {@link StoreProviders#format(String)}. */
    public static StoreFormat of(String scheme) {
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (!SCHEME.matcher(lower).matches()) {
            throw new IllegalArgumentException("not a locator scheme: '" + scheme + "'");
        }
        return BY_SCHEME.computeIfAbsent(lower, StoreFormat::new);
    }

    /** The locator prefix, as in {@code sqlite:PATH}. */
    public String scheme() {
        return scheme;
    }

    /** The scheme in capitals, as the names of the enum this class replaced read. */
    @Override
    public String toString() {
        return scheme.toUpperCase(Locale.ROOT);
    }
}
