package dev.sessiondb.job.backup;

import dev.sessiondb.job.JobReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Hears what the backup journal records, so an index of the runs (the app catalog) can follow
 * without every job knowing about it. A listener must not throw: the journal's work is done
 * when it is called, and a job never fails for want of its history.
 */
public interface JournalListener {

    JournalListener NONE = new JournalListener() { };

    /** Run {@code runId} starts: it reads {@code sources} and writes {@code target} (locators without passwords); nothing is backed up yet. */
    default void started(String runId, String description, List<String> sources, String target) {
    }

    /**
     * A store was backed up by run {@code runId} before it writes to the store.
     *
     * @param mark the store's change mark as the backup found it ({@link dev.sessiondb.store.StoreProvider#changeMark}), when it has one
     */
    default void backedUp(String runId, Backup backup, Optional<String> mark) {
    }

    /**
     * A job finished and its report was saved to {@code file}.
     *
     * @param targetMark the change mark of the target the job wrote, as the job left it once it let go of it: a later write by anyone changes it
     */
    default void reportSaved(JobReport report, Path file, Optional<String> targetMark) {
    }

    /**
     * A run's write ended without changing the store ({@code outcome}: cancelled, refused or failed), so its backup was deleted.
     *
     * @param why the refusal's or failure's message, secrets masked; empty for a cancel
     */
    default void discarded(Backup backup, String outcome, Optional<String> why) {
    }

    /** Run {@code runId}'s write into its target is complete (committed, or the new store put in place). */
    default void written(String runId) {
    }

    /** Run {@code runId} stopped ({@code outcome}: cancelled, refused or failed, and why) without a report; a backup it took is kept for undo. */
    default void ended(String runId, String outcome, Optional<String> why) {
    }

    /** Undo is about to put {@code backup} back; {@code replaced} is the backup of the state it replaces. */
    default void restoring(Backup backup, Backup replaced) {
    }

    /** A prune deleted {@code backup}: undo can no longer restore it. */
    default void pruned(Backup backup) {
    }

    /** A prune deleted the report of run {@code runId} with the run's backup. */
    default void reportPruned(String runId) {
    }

    /**
     * Undo put {@code restored} back; {@code replaced} is the backup of the state it replaced.
     *
     * @param mark the store's change mark as the undo left it, when it has one
     */
    default void restored(Backup restored, Backup replaced, Optional<String> mark) {
    }

    /** An undo of an undo changed whether {@code backup} counts as put back ({@link Backup#restoredAt()}). */
    default void undoStateChanged(Backup backup) {
    }
}
