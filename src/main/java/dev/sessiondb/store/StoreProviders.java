package dev.sessiondb.store;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The providers on the class path, found by {@link ServiceLoader}: the one place that lists the backends. */
public final class StoreProviders {

    private static final Map<StoreFormat, StoreProvider> BY_FORMAT = load();

    private StoreProviders() {
    }

    public static StoreProvider of(StoreFormat format) {
        StoreProvider provider = BY_FORMAT.get(format);
        if (provider == null) {
            throw new StoreException("no backend for " + format.scheme() + " stores in this build; check the installation");
        }
        return provider;
    }

    public static StoreProvider of(StoreLocator locator) {
        return of(locator.format());
    }

    public static List<StoreProvider> all() {
        return List.copyOf(BY_FORMAT.values());
    }

    /** The provider that recognises an existing file or folder by its content. */
    static Optional<StoreProvider> recognising(Path existing) {
        return BY_FORMAT.values().stream().filter(provider -> provider.recognises(existing)).findFirst();
    }

    /** The provider that claims a new path by its name. */
    static Optional<StoreProvider> claiming(Path absent) {
        return BY_FORMAT.values().stream().filter(provider -> provider.claimsNewPath(absent)).findFirst();
    }

    private static Map<StoreFormat, StoreProvider> load() {
        Map<StoreFormat, StoreProvider> providers = new EnumMap<>(StoreFormat.class);
        for (StoreProvider provider : ServiceLoader.load(StoreProvider.class, StoreProviders.class.getClassLoader())) {
            providers.merge(provider.format(), provider, (kept, other) -> other.priority() > kept.priority() ? other : kept);
        }
        return providers;
    }
}
