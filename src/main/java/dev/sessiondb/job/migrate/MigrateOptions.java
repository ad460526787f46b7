package dev.sessiondb.job.migrate;

import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.store.StoreLayout;
import java.util.Optional;

/**
 * How to migrate.
 *
 * @param layout    the layout of a new target; empty keeps the backend's default (native) or the existing target's
 * @param mode      what to do with a target that holds records; empty refuses such a target
 * @param allowLoss run even when the target layout cannot hold some fields
 * @param verify    compare counts and per-record hashes after writing
 */
public record MigrateOptions(Optional<StoreLayout> layout, Optional<TargetMode> mode, boolean allowLoss, boolean verify) {

    public static MigrateOptions defaults() {
        return new MigrateOptions(Optional.empty(), Optional.empty(), false, true);
    }
}
