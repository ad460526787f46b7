package dev.sessiondb.catalog;

import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.RunIds;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.StoreProviders;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether the store a backup would be put back into changed after the job that took the backup.
 * Undo replaces the whole store, so a write made since (by Minsky, by another job) would leave it,
 * kept only in the backup undo takes of the store first. The store's change mark now is compared
 * with the marks the history holds of it holding the job's result ({@link JobHistory#resultOf}):
 * a look at its files' sizes, times and SQLite's commit marks, or at a PostgreSQL server's counts of
 * the rows written to its tables, never at its records.
 *
 * @param details what changed after which job, or why that could not be checked; empty when nothing changed
 * @param unsureWrite whether the job's write stopped while committing and the verdict comes of comparing the store's records with
 *                    the backup's ({@link UnsureWrite}): the details then say what that comparison found
 * @param otherJobs   what the undo does to other jobs' changes in the store, as the history knows them ({@link UndoEffects#besides}):
 *                    the later jobs' it removes, those it brings back; empty when none (the details of later changes end with it)
 */
public record LaterChanges(Backup backup, Verdict verdict, String details, boolean unsureWrite, String otherJobs) {

    public LaterChanges(Backup backup, Verdict verdict, String details, boolean unsureWrite) {
        this(backup, verdict, details, unsureWrite, "");
    }

    /** The same verdict, saying what the undo does to other jobs' changes; after the details of later changes, when there are some. */
    LaterChanges withOtherJobs(String effects) {
        if (effects.isEmpty()) {
            return this;
        }
        return new LaterChanges(backup, verdict, verdict == Verdict.SINCE_JOB ? details + "; " + effects : details, unsureWrite, effects);
    }

    public enum Verdict {
        /** The store holds what the job left: undoing it removes nothing anyone wrote after it. */
        NONE,
        /** The store was written after the job: undoing it removes that write from the store. */
        SINCE_JOB,
        /** Nothing to compare with: the job left no mark, or the store has none. */
        UNCHECKED
    }

    /** How the store of {@code backup} stands, as {@link #lookAtEach} tells it. */
    public static LaterChanges look(BackupJournal journal, Backup backup) {
        return lookAtEach(journal, List.of(backup)).get(backup.id());
    }

    /**
     * How the store of each backup stands, by backup id, the history read once and each store looked at once. A run whose write
     * stopped while committing left no mark: the store's records are compared with the backup's instead, to tell whether that
     * write took effect ({@link UnsureWrite}), so that {@code undo --list}, undo and the window's History say the same.
     */
    public static Map<String, LaterChanges> lookAtEach(BackupJournal journal, List<Backup> backups) {
        Map<String, FromHistory> known;
        try {
            known = new HistoryReader(journal).read(history -> {
                Map<String, Function<String, UndoEffects>> effectsByStore = new HashMap<>();
                return backups.stream().collect(Collectors.toMap(Backup::id, backup -> new FromHistory(history.resultOf(RunIds.runIdOf(backup)),
                        effectsOnOtherJobs(effectsByStore.computeIfAbsent(backup.locator(), locator -> effectsOfUndoing(history, locator)), backup)),
                        (a, b) -> a));
            }, Map.of());
        } catch (CatalogException unreadable) {
            return backups.stream().collect(Collectors.toMap(Backup::id, backup -> unchecked(backup, unreadable.getMessage()), (a, b) -> a));
        }
        Map<String, Mark> marksNow = new HashMap<>();
        return backups.stream().collect(Collectors.toMap(Backup::id, backup -> {
            FromHistory fromHistory = known.getOrDefault(backup.id(), new FromHistory(Optional.empty(), ""));
            Optional<JobResult> result = fromHistory.result();
            LaterChanges later = compare(backup, result, marksNow.computeIfAbsent(backup.locator(), Mark::now));
            return stoppedWhileWriting(later, result).map(job -> UnsureWrite.look(journal, backup, job)).orElse(later)
                    .withOtherJobs(fromHistory.otherJobs());
        }, (a, b) -> a, LinkedHashMap::new));
    }

    /** What the history says of a backup: the result of the job that took it, and what undoing it does to other jobs' changes. */
    private record FromHistory(Optional<JobResult> result, String otherJobs) {
    }

    /** What putting {@code backup} back does to the changes of jobs other than the one that took it; empty for a backup put back already. */
    private static String effectsOnOtherJobs(Function<String, UndoEffects> effects, Backup backup) {
        return backup.restoredAt().isPresent() ? "" : effects.apply(RunIds.runIdOf(backup)).besides(RunIds.runIdOf(backup));
    }

    private static Function<String, UndoEffects> effectsOfUndoing(JobHistory history, String locator) {
        try {
            return history.effectsOfUndoing(StoreLocator.parse(locator));
        } catch (RuntimeException unparseable) {
            return runId -> new UndoEffects(List.of(), List.of());
        }
    }

    /** The run that took the backup, when it left no mark because its write stopped with the backup kept (and nothing else tells). */
    private static Optional<PastJob> stoppedWhileWriting(LaterChanges later, Optional<JobResult> result) {
        if (later.verdict() != Verdict.UNCHECKED || later.backup().restoredAt().isPresent()) {
            return Optional.empty();
        }
        return result.filter(found -> found.marks().isEmpty() && found.unfinishedUndo().isEmpty()).map(JobResult::job).filter(UnsureWrite::applies);
    }

    private static LaterChanges compare(Backup backup, Optional<JobResult> result, Mark now) {
        if (backup.restoredAt().isPresent()) {
            return unchecked(backup, "it was put back already (at " + backup.restoredAt().get() + "), so the store holds what that undo left"
                    + " or a write made since");
        }
        if (now.mark().isEmpty()) {
            return unchecked(backup, now.unavailable());
        }
        if (result.isEmpty() || result.get().marks().isEmpty()) {
            return unchecked(backup, "the job that took it left no mark of the store in the history (it ran before sessiondb recorded such"
                    + " marks, or did not end)");
        }
        PastJob job = result.get().job();
        if (result.get().marks().contains(now.mark().get()) || now.asBefore().filter(result.get().marks()::contains).isPresent()) {
            return new LaterChanges(backup, Verdict.NONE, "", false);
        }
        if (result.get().unfinishedUndo().isPresent()) {
            return unchecked(backup, "an undo of it (run " + result.get().unfinishedUndo().get() + ") was stopped while restoring, so the store"
                    + " holds this backup or what that undo replaced");
        }
        return new LaterChanges(backup, Verdict.SINCE_JOB, backup.locator() + " changed after the " + job.kind() + " that took backup "
                + backup.id() + " (run " + job.runId() + ", ended " + job.finishedAt().orElse(job.startedAt()) + "): undoing that "
                + job.kind() + " puts the whole store back as it was before it and removes those later changes from the store", false);
    }

    private static LaterChanges unchecked(Backup backup, String why) {
        return new LaterChanges(backup, Verdict.UNCHECKED, "whether " + backup.locator() + " changed after the job that took backup "
                + backup.id() + " could not be checked: " + why, false);
    }

    /**
     * The store's change mark now, or why there is none; and the mark as an earlier sessiondb took it, which a job it recorded
     * holds ({@link dev.sessiondb.store.StoreProvider#changeMarkAsBefore}).
     */
    private record Mark(Optional<String> mark, Optional<String> asBefore, String unavailable) {

        static Mark now(String locator) {
            try {
                StoreLocator store = StoreLocator.parse(locator);
                Optional<String> asBefore = StoreProviders.of(store).changeMarkAsBefore(store);
                return StoreProviders.of(store).changeMark(store)
                        .map(mark -> new Mark(Optional.of(mark), asBefore, ""))
                        .orElseGet(() -> new Mark(Optional.empty(), Optional.empty(), "sessiondb keeps no change mark of a " + store.format().scheme()
                                + " store"));
            } catch (StoreException unreadable) {
                return new Mark(Optional.empty(), Optional.empty(), unreadable.getMessage());
            }
        }
    }

    public boolean foundLaterChanges() {
        return verdict == Verdict.SINCE_JOB;
    }
}
