package dev.sessiondb.job.consolidate;

import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.store.StoreLayout;
import java.util.Map;
import java.util.Optional;

/**
 * How to consolidate.
 *
 * @param policy    how a key held with different content by several sources is settled
 * @param layout    the layout of a new target; empty keeps the backend's default
 * @param mode      what to do with a target that holds records; empty refuses such a target
 * @param allowLoss run even when the target layout cannot hold some fields
 * @param verify    compare counts and per-record hashes after writing
 * @param choices   conflicts the user settled one by one: session key to the 0-based source whose version wins (or Consolidation.Entry.TARGET, a merge target's own); the policy settles the rest
 */
public record ConsolidateOptions(ConflictPolicy policy, Optional<StoreLayout> layout, Optional<TargetMode> mode,
                                 boolean allowLoss, boolean verify, Map<String, Integer> choices) {

    public ConsolidateOptions {
        choices = Map.copyOf(choices);
    }

    public ConsolidateOptions(ConflictPolicy policy, Optional<StoreLayout> layout, Optional<TargetMode> mode, boolean allowLoss, boolean verify) {
        this(policy, layout, mode, allowLoss, verify, Map.of());
    }

    public static ConsolidateOptions of(ConflictPolicy policy) {
        return new ConsolidateOptions(policy, Optional.empty(), Optional.empty(), false, true);
    }
}
