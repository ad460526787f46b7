package dev.sessiondb.catalog;

import dev.sessiondb.job.backup.RunIds;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which jobs' changes one store holds, replayed from its runs oldest first. A job adds its changes. An undo puts back the
 * backup a job took, so the store then holds what it held just before that job: the changes of that job and of every
 * later one leave it, and those an undo in between had taken out come back (the undo of an undo). An edit's undo in the
 * window takes back that one edit. An undo is a change of its own too: an undo of an earlier job takes it out with the
 * rest (after Ctrl+Z twice, the first undo's work is gone from the store), and putting back a state from before it brings
 * it back. A write by another program is no run: it changes no job's standing.
 *
 * @param held     the runs whose changes the store holds now
 * @param heldBefore by run, the runs whose changes the store held just before it: what putting back its backup leaves
 * @param takenOutBy by run not held, the undo run that took its changes out
 * @param undos    the undo runs among them, which an undo's confirm does not name: putting back a backup says itself what it undoes
 */
record StoreTimeline(Set<String> held, Map<String, Set<String>> heldBefore, Map<String, String> takenOutBy, Set<String> undos) {

    /**
     * @param runs       the runs that changed the store, oldest first (run ids begin with their start, so they sort in that order too)
     * @param putBackRun for an undo run, the run whose backup it put back (empty when the history does not know it)
     */
    static StoreTimeline replay(List<JobRun> runs, Function<JobRun, Optional<String>> putBackRun) {
        Set<String> held = new LinkedHashSet<>();
        Map<String, Set<String>> heldBefore = new HashMap<>();
        Map<String, String> takenOutBy = new HashMap<>();
        Set<String> undos = new HashSet<>();
        for (JobRun run : runs) {
            heldBefore.put(run.getRunId(), Set.copyOf(held));
            if (JobHistory.isUndo(run.getKind())) {
                undos.add(run.getRunId());
                held = afterUndo(run, putBackRun.apply(run), held, heldBefore, takenOutBy);
            }
            held.add(run.getRunId());
            takenOutBy.remove(run.getRunId());
        }
        return new StoreTimeline(held, heldBefore, takenOutBy, undos);
    }

    /** What the store holds once {@code undo} put back the backup of run {@code putBack} (before the undo's own change is counted). */
    private static Set<String> afterUndo(JobRun undo, Optional<String> putBack, Set<String> held, Map<String, Set<String>> heldBefore,
                                         Map<String, String> takenOutBy) {
        if (undo.getKind().equals("edit-undo")) {
            putBack.filter(held::remove).ifPresent(edit -> takenOutBy.put(edit, undo.getRunId()));
            return held;
        }
        Optional<Set<String>> state = putBack.map(heldBefore::get);
        if (state.isEmpty()) {
            return held;
        }
        held.stream().filter(job -> !state.get().contains(job)).forEach(job -> takenOutBy.put(job, undo.getRunId()));
        state.get().forEach(takenOutBy::remove);
        return new LinkedHashSet<>(state.get());
    }

    /** The run an undo run put back the backup of, as its description names that backup ({@code undo BACKUP-ID}). */
    static Optional<String> namedInUndo(JobRun undo) {
        String description = undo.getDescription();
        return description != null && description.startsWith("undo ") && description.indexOf(' ', 5) < 0
                ? Optional.of(RunIds.runIdOf(description.substring(5))) : Optional.empty();
    }

    /** The runs whose changes putting back the backup of {@code runId} takes out of the store, oldest first (that run among them). */
    List<String> removedByPuttingBack(String runId) {
        Set<String> before = heldBefore.getOrDefault(runId, held);
        return held.stream().filter(job -> !before.contains(job) && !undos.contains(job)).sorted().toList();
    }

    /** The runs whose changes putting back the backup of {@code runId} brings back into the store, oldest first. */
    List<String> broughtBackByPuttingBack(String runId) {
        return heldBefore.getOrDefault(runId, held).stream().filter(job -> !held.contains(job) && !undos.contains(job)).sorted().toList();
    }
}
