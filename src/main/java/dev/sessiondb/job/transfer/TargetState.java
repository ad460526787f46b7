package dev.sessiondb.job.transfer;

import dev.sessiondb.job.StoreProbe;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import java.util.Optional;

/** A job's target before anything is written: whether it exists, how many records, which layout. */
public record TargetState(StoreLocator locator, boolean exists, long records, Optional<StoreLayout> layout) {

    public static TargetState inspect(StoreLocator locator) {
        if (!StoreProbe.exists(locator)) {
            return new TargetState(locator, false, 0, Optional.empty());
        }
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            return new TargetState(locator, true, store.count(), Optional.of(store.info().layout()));
        }
    }

    public boolean isEmpty() {
        return records == 0;
    }

    /**
     * Why writing in this mode would be refused, if it would: a target that holds records needs
     * {@code replace} or {@code merge}, and a layout asked for must be the one the target has.
     */
    public Optional<String> refusal(Optional<TargetMode> mode, boolean alreadyComplete) {
        Optional<StoreLayout> asked = locator.layoutOverride();
        if (exists && asked.isPresent() && layout.isPresent() && asked.get() != layout.get()) {
            return Optional.of("target " + locator.display() + " exists in the " + layout.get().id() + " layout, not "
                    + asked.get().id() + "; drop --layout or choose a new target");
        }
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
