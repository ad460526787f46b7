package dev.sessiondb.ui.stores;

import dev.sessiondb.discovery.DiscoveredStore;
import dev.sessiondb.discovery.StoreDiscovery;
import java.util.List;
import java.util.regex.Pattern;

/** The engine's discovery results as sidebar entries: where each store was found, and its size or why it cannot be opened. */
public final class DiscoveredEntries {

    /** The size an entry's detail ends with; an entry that cannot be opened has none. */
    private static final Pattern SESSIONS = Pattern.compile("[\\d,]+ sessions$");

    private DiscoveredEntries() {
    }

    /** {@code entry} with {@code sessions} as its size, since the store grew or shrank after it was discovered; an entry without a size stays as it is. */
    public static StoreEntry recounted(StoreEntry entry, long sessions) {
        String detail = SESSIONS.matcher(entry.detail()).replaceFirst(sessionCount(sessions));
        return new StoreEntry(entry.locator(), entry.title(), detail);
    }

    private static String sessionCount(long sessions) {
        return String.format("%,d sessions", sessions);
    }

    public static List<StoreEntry> of(StoreDiscovery.Result result) {
        return result.stores().stream().map(DiscoveredEntries::entry).toList();
    }

    private static StoreEntry entry(DiscoveredStore store) {
        String why = store.foundVia().isEmpty() ? "found" : store.foundVia().get(0);
        String state = store.problem().map(problem -> "cannot open: " + problem)
                .orElseGet(() -> sessionCount(store.recordCount()));
        return StoreEntry.of(store.locator().display(), why + " · " + state);
    }
}
