package dev.sessiondb.job.backup;

import java.util.Optional;

/**
 * Rides on a job's failure as a suppressed exception when the journal kept the run's backup because the target does not
 * look as the backup found it (a write that failed while committing: whether it took effect is unknown), so that the
 * failure's message names that backup instead of saying the target was not changed.
 */
public final class BackupKept extends RuntimeException {

    private final String backupId;

    BackupKept(String backupId) {
        super("the backup " + backupId + " is kept: the target may have changed", null, false, false);
        this.backupId = backupId;
    }

    /** The id of the backup kept for {@code failure}'s run, if the journal kept one. */
    public static Optional<String> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Throwable suppressed : cause.getSuppressed()) {
                if (suppressed instanceof BackupKept kept) {
                    return Optional.of(kept.backupId);
                }
            }
        }
        return Optional.empty();
    }
}
