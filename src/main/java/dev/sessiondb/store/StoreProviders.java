package dev.sessiondb.store;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The providers on the class path, found by {@link ServiceLoader}: the one place that lists the
 * backends, hence the formats there are. They are asked in the order of their schemes, so the
 * answer does not depend on the order of jars on the class path.
 */
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

    /** The formats of the backends in this build, in the order their providers are asked. */
    public static List<StoreFormat> formats() {
        return List.copyOf(BY_FORMAT.keySet());
    }

    /** The format a scheme names (any case), as a locator or a backup manifest writes it; one no backend provides is refused. */
    public static StoreFormat format(String scheme) {
        return BY_FORMAT.keySet().stream().filter(format -> format.scheme().equalsIgnoreCase(scheme.strip())).findFirst()
                .orElseThrow(() -> new StoreException("unknown store format '" + scheme + "'; this build knows "
                        + String.join(", ", BY_FORMAT.keySet().stream().map(StoreFormat::scheme).toList())));
    }

    /**
     * The provider that recognises an existing file or folder by its content; of two (an empty
     * file passes for an empty JSON file and an empty database), the one its name is for.
     */
    static Optional<StoreProvider> recognising(Path existing) {
        List<StoreProvider> recognised = BY_FORMAT.values().stream().filter(provider -> provider.recognises(existing)).toList();
        return recognised.stream().filter(provider -> provider.claimsNewPath(existing)).findFirst().or(() -> recognised.stream().findFirst());
    }

    /** The provider that claims a new path by its name. */
    static Optional<StoreProvider> claiming(Path absent) {
        return BY_FORMAT.values().stream().filter(provider -> provider.claimsNewPath(absent)).findFirst();
    }

    private static Map<StoreFormat, StoreProvider> load() {
        Map<StoreFormat, StoreProvider> providers = new TreeMap<>(Comparator.comparing(StoreFormat::scheme));
        for (StoreProvider provider : ServiceLoader.load(StoreProvider.class, StoreProviders.class.getClassLoader())) {
            providers.merge(provider.format(), provider, (kept, other) -> other.priority() > kept.priority() ? other : kept);
        }
        return new LinkedHashMap<>(providers);
    }
}
