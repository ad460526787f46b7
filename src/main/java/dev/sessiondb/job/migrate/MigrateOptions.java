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
 * @param skipUnreadable copy a source's readable sessions and leave out its parts that do not read as sessions
 *                  (a folder's stray or broken files), naming each in the plan and report; false refuses such a source
 */
public record MigrateOptions(Optional<StoreLayout> layout, Optional<TargetMode> mode, boolean allowLoss, boolean verify, boolean skipUnreadable) {

    public MigrateOptions(Optional<StoreLayout> layout, Optional<TargetMode> mode, boolean allowLoss, boolean verify) {
        this(layout, mode, allowLoss, verify, false);
    }

    public static MigrateOptions defaults() {
        return new MigrateOptions(Optional.empty(), Optional.empty(), false, true);
    }
}
