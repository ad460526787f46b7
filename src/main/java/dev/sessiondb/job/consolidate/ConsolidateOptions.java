package dev.sessiondb.job.consolidate;

import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.store.StoreLayout;
import java.util.Optional;

/**
 * How to consolidate.
 *
 * @param policy    how a key held with different content by several sources is settled
 * @param layout    the layout of a new target; empty keeps the backend's default
 * @param mode      what to do with a target that holds records; empty refuses such a target
 * @param allowLoss run even when the target layout cannot hold some fields
 * @param verify    compare counts and per-record hashes after writing
 */
public record ConsolidateOptions(ConflictPolicy policy, Optional<StoreLayout> layout, Optional<TargetMode> mode,
                                 boolean allowLoss, boolean verify) {

    public static ConsolidateOptions of(ConflictPolicy policy) {
        return new ConsolidateOptions(policy, Optional.empty(), Optional.empty(), false, true);
    }
}
