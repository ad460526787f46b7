package dev.sessiondb.discovery;

import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A session store found on this machine.
 *
 * @param locator      where it is (shown with {@link StoreLocator#display()}, never with a password)
 * @param foundVia     every setting or place that names it ("Minsky's state directory", "MINSKY_SQLITE_PATH", a config file)
 * @param layout       its layout, when it could be opened
 * @param recordCount  how many sessions it holds, or -1 when it could not be opened
 * @param lastModified when it last changed, when the format can tell
 * @param problem      why it could not be opened, when it could not
 */
public record DiscoveredStore(StoreLocator locator, List<String> foundVia, StoreFormat format, Optional<StoreLayout> layout,
                              long recordCount, Optional<Instant> lastModified, Optional<String> problem) {

    public DiscoveredStore {
        foundVia = List.copyOf(foundVia);
    }

    public boolean isReachable() {
        return problem.isEmpty();
    }
}
