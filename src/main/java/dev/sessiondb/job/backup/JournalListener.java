package dev.sessiondb.job.backup;

import dev.sessiondb.job.JobReport;
import java.nio.file.Path;

/**
 * Hears what the backup journal records, so an index of the runs (the app catalog) can follow
 * without every job knowing about it. A listener must not throw: the journal's work is done
 * when it is called, and a job never fails for want of its history.
 */
public interface JournalListener {

    JournalListener NONE = new JournalListener() { };

    /** A store was backed up by run {@code runId} before it writes to the store. */
    default void backedUp(String runId, Backup backup) {
    }

    /** A job finished and its report was saved to {@code file}. */
    default void reportSaved(JobReport report, Path file) {
    }

    /** A run's write ended without changing the store ({@code outcome}: cancelled or failed), so its backup was deleted. */
    default void discarded(Backup backup, String outcome) {
    }

    /** A run's write stopped ({@code outcome}: cancelled or failed) without a report; its backup is kept for undo. */
    default void stopped(Backup backup, String outcome) {
    }

    /** Undo put {@code restored} back; {@code replaced} is the backup of the state it replaced. */
    default void restored(Backup restored, Backup replaced) {
    }
}
