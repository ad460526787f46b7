package dev.sessiondb.job.transfer;

import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A job's target before anything is written: whether it exists, how many records, which layout it really has. */
public record TargetState(StoreLocator locator, boolean exists, long records, Optional<StoreLayout> layout) {

    /** @throws JobRefusedException when the layout asked for is not the one the existing target has */
    public static TargetState inspect(StoreLocator locator) {
        if (!StoreProbe.exists(locator)) {
            return new TargetState(locator, false, 0, Optional.empty());
        }
        Map<String, String> detected = new HashMap<>(locator.params());
        detected.remove("layout");
        try (SessionStore store = StoreFactory.open(new StoreLocator(locator.format(), locator.target(), detected), OpenMode.EXISTING)) {
            StoreLayout layout = store.info().layout();
            locator.layoutOverride().filter(asked -> asked != layout).ifPresent(asked -> {
                throw new JobRefusedException("target " + locator.display() + " exists in the " + layout.id() + " layout, not "
                        + asked.id() + "; drop --layout (or ?layout=) or choose a new target");
            });
            return new TargetState(locator, true, store.count(), Optional.of(layout));
        }
    }

    public boolean isEmpty() {
        return records == 0;
    }

    /** Why writing in this mode would be refused, if it would: a target that holds records needs {@code replace} or {@code merge}. */
    public Optional<String> refusal(Optional<TargetMode> mode, boolean alreadyComplete) {
        if (isEmpty() || alreadyComplete) {
            return Optional.empty();
        }
        if (mode.isEmpty()) {
            return Optional.of("target " + locator.display() + " exists and holds " + records
                    + " records; pass --mode replace or --mode merge (it is backed up first), or choose a new target");
        }
        if (mode.get() == TargetMode.NEW) {
            return Optional.of("target " + locator.display() + " exists and holds " + records
                    + " records, and --mode new needs an absent or empty target; use --mode replace or --mode merge");
        }
        return Optional.empty();
    }
}
