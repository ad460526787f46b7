package dev.sessiondb.catalog;

import dev.sessiondb.catalog.query.QBackupEntry;
import dev.sessiondb.catalog.query.QJobRun;
import dev.sessiondb.store.StoreLocator;
import io.ebean.Database;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which jobs of a store the history calls undone: those whose changes an undo took out of the store, whether it put back
 * their own backup or that of an earlier job on the store (which takes every later job's changes with it, an undo's among
 * them), as the replay of the store's runs says ({@link StoreTimeline}); an undo of that undo brings them back.
 */
final class UndoneMarks {

    private final Database database;

    UndoneMarks(Database database) {
        this.database = database;
    }

    /** The replay of the runs that changed {@code store}. */
    StoreTimeline timeline(StoreLocator store) {
        return StoreTimeline.replay(changesOf(store), putBackRuns());
    }

    /**
     * Marks each job of {@code locator}'s store as the replay says, after an undo: one whose changes it took out is undone at
     * {@code when}, by that undo; one an undo of an undo brought back is no longer undone. A mark an older sessiondb made
     * (no undo named) is left to the backup journal's chain of undos.
     */
    void remark(String locator, Instant when) {
        StoreLocator store;
        try {
            store = StoreLocator.parse(locator);
        } catch (RuntimeException unparseable) {
            return;
        }
        List<JobRun> runs = changesOf(store);
        StoreTimeline timeline = StoreTimeline.replay(runs, putBackRuns());
        runs.forEach(run -> {
            String by = timeline.takenOutBy().get(run.getRunId());
            if (timeline.held().contains(run.getRunId())) {
                if (run.getUndoneAt() != null && run.getUndoneBy() != null) {
                    run.setUndoneAt(null);
                    run.setUndoneBy(null);
                    database.save(run);
                }
            } else if (by != null && (run.getUndoneAt() == null || !by.equals(run.getUndoneBy()))) {
                if (run.getUndoneAt() == null) {
                    run.setUndoneAt(when);
                }
                run.setUndoneBy(by);
                database.save(run);
            }
        });
    }

    /** The runs that changed the store, oldest first: jobs that kept their backup, and undos that restored one. */
    private List<JobRun> changesOf(StoreLocator store) {
        return new QJobRun(database).target.isNotNull().orderBy().startedAt.asc().orderBy().runId.asc().findList().stream()
                .filter(run -> JobHistory.sameStore(run.getTarget(), store))
                .filter(run -> run.getKind().equals("undo")
                        ? "completed".equals(run.getOutcome()) || run.getWrittenAt() != null
                        : run.getBackupId() != null || run.getPrunedBackupId() != null)
                .toList();
    }

    /** For an undo run, the run whose backup it put back: an undo names it, an edit's undo is known by the backup it marked restored. */
    private Function<JobRun, Optional<String>> putBackRuns() {
        Map<String, String> revertedEdits = new QBackupEntry(database).restoreRunId.isNotNull().restoredAt.isNotNull().findList().stream()
                .collect(Collectors.toMap(BackupEntry::getRestoreRunId, BackupEntry::getRunId, (a, b) -> a));
        return run -> run.getKind().equals("undo") ? StoreTimeline.namedInUndo(run) : Optional.ofNullable(revertedEdits.get(run.getRunId()));
    }
}
