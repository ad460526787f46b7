package dev.sessiondb.job.transfer;

import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.Refusal;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFingerprint;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A job's target before anything is written: whether it exists, how many records, which layout
 * it really has, and its fingerprint, which the write checks again before touching it.
 *
 * @param unfinishedCreation for an absent target, what an earlier job of ours left there and never finished, which the
 *                           write's creation removes ({@link dev.sessiondb.store.StoreProvider#unfinishedCreation})
 */
public record TargetState(StoreLocator locator, boolean exists, long records, Optional<StoreLayout> layout,
                          Optional<StoreFingerprint> fingerprint, Optional<String> unfinishedCreation) {

    /**
     * @param opened the target opened without its {@code ?layout=}, when it exists
     * @throws JobRefusedException when the layout asked for is not the one the existing target has
     */
    static TargetState of(StoreLocator locator, Optional<SessionStore> opened) {
        refuseLayoutItCannotHold(locator);
        if (opened.isEmpty()) {
            return new TargetState(locator, false, 0, Optional.empty(), Optional.empty(), StoreProviders.of(locator).unfinishedCreation(locator));
        }
        SessionStore store = opened.get();
        StoreLayout layout = store.info().layout();
        locator.layoutOverride().filter(asked -> asked != layout).ifPresent(asked -> {
            throw new JobRefusedException("target " + locator.display() + " exists in the " + layout.id() + " layout, not "
                    + asked.id() + "; drop --layout (or ?layout=) or choose a new target");
        });
        StoreFingerprint fingerprint = store.fingerprint();
        return new TargetState(locator, true, fingerprint.count(), Optional.of(layout), Optional.of(fingerprint), Optional.empty());
    }

    private static void refuseLayoutItCannotHold(StoreLocator locator) {
        Set<StoreLayout> held = StoreProviders.of(locator).layoutsHeld();
        locator.layoutOverride().filter(asked -> !held.contains(asked)).ifPresent(asked -> {
            throw new JobRefusedException("target " + locator.display() + " is a " + locator.format().scheme() + " store, which holds the "
                    + oneOf(held.stream().map(StoreLayout::id).toList()) + " layout, not " + asked.id()
                    + "; nothing was written; drop --layout (or ?layout=), give one of those, or choose a target that holds " + asked.id());
        });
    }

    /** "native, minsky or chat". */
    private static String oneOf(List<String> names) {
        return names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    public boolean isEmpty() {
        return records == 0;
    }

    /** Refuses when the target is not as this earlier look saw it: written, created or removed since the plan. */
    public void requireUnchanged(boolean existsNow, Optional<StoreFingerprint> now) {
        if (existsNow != exists || !now.equals(fingerprint)) {
            String then = exists ? records + " records" : "absent";
            String seen = existsNow ? now.map(print -> print.count() + " records").orElse("present") : "absent";
            throw new JobRefusedException("target " + locator.display() + " changed after the plan: another program wrote to it, made or removed it ("
                    + then + " then, " + seen + " now); nothing was written; run the job again to plan over what it holds now");
        }
    }

    /** Why writing in this mode would be refused, if it would: a target that holds records needs {@code replace} or {@code merge}. */
    public Optional<Refusal> refusal(Optional<TargetMode> mode, boolean alreadyComplete, long sourceRecords) {
        if (isEmpty() || alreadyComplete) {
            return Optional.empty();
        }
        if (mode.equals(Optional.of(TargetMode.REPLACE)) && sourceRecords == 0) {
            // most likely a wrong source path (an empty folder, a new file); emptying a store is deleting it
            return Optional.of(new Refusal(Refusal.Reason.REPLACE_WITH_EMPTY_SOURCE, "the source holds no sessions: --mode replace would leave target "
                    + locator.display() + " with none of its " + records + " records", "check the source, or delete the target if you mean to empty it"));
        }
        if (mode.isEmpty()) {
            return Optional.of(new Refusal(Refusal.Reason.TARGET_HOLDS_RECORDS, "target " + locator.display() + " exists and holds " + records
                    + " records", "pass --mode replace or --mode merge (it is backed up first), or choose a new target"));
        }
        if (mode.get() == TargetMode.NEW) {
            return Optional.of(new Refusal(Refusal.Reason.TARGET_HOLDS_RECORDS, "target " + locator.display() + " exists and holds " + records
                    + " records, and --mode new needs an absent or empty target", "use --mode replace or --mode merge"));
        }
        return Optional.empty();
    }
}
