package dev.sessiondb.ui.stores;

import dev.sessiondb.discovery.DiscoveredStore;
import dev.sessiondb.discovery.StoreDiscovery;
import java.util.List;

/** The engine's discovery results as sidebar entries: where each store was found, and its size or why it cannot be opened. */
public final class DiscoveredEntries {

    private DiscoveredEntries() {
    }

    public static List<StoreEntry> of(StoreDiscovery.Result result) {
        return result.stores().stream().map(DiscoveredEntries::entry).toList();
    }

    private static StoreEntry entry(DiscoveredStore store) {
        String why = store.foundVia().isEmpty() ? "found" : store.foundVia().get(0);
        String state = store.problem().map(problem -> "cannot open: " + problem)
                .orElseGet(() -> String.format("%,d sessions", store.recordCount()));
        return StoreEntry.of(store.locator().display(), why + " · " + state);
    }
}
