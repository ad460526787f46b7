package dev.sessiondb.catalog;

import dev.sessiondb.job.backup.RunIds;
import java.util.HashMap;
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
 * window takes back that one edit. A write by another program is no run: it changes no job's standing.
 *
 * @param held     the runs whose changes the store holds now
 * @param heldBefore by run, the runs whose changes the store held just before it: what putting back its backup leaves
 * @param takenOutBy by run not held, the undo run that took its changes out
 */
record StoreTimeline(Set<String> held, Map<String, Set<String>> heldBefore, Map<String, String> takenOutBy) {

    /**
     * @param runs       the runs that changed the store, oldest first (run ids begin with their start, so they sort in that order too)
     * @param putBackRun for an undo run, the run whose backup it put back (empty when the history does not know it)
     */
    static StoreTimeline replay(List<JobRun> runs, Function<JobRun, Optional<String>> putBackRun) {
        Set<String> held = new LinkedHashSet<>();
        Map<String, Set<String>> heldBefore = new HashMap<>();
        Map<String, String> takenOutBy = new HashMap<>();
        for (JobRun run : runs) {
            heldBefore.put(run.getRunId(), Set.copyOf(held));
            if (!JobHistory.isUndo(run.getKind())) {
                held.add(run.getRunId());
                takenOutBy.remove(run.getRunId());
                continue;
            }
            Optional<String> putBack = putBackRun.apply(run);
            if (run.getKind().equals("edit-undo")) {
                putBack.filter(held::remove).ifPresent(edit -> takenOutBy.put(edit, run.getRunId()));
                continue;
            }
            Optional<Set<String>> state = putBack.map(heldBefore::get);
            if (state.isPresent()) {
                held.stream().filter(job -> !state.get().contains(job)).forEach(job -> takenOutBy.put(job, run.getRunId()));
                state.get().forEach(takenOutBy::remove);
                held = new LinkedHashSet<>(state.get());
            }
        }
        return new StoreTimeline(held, heldBefore, takenOutBy);
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
        return held.stream().filter(job -> !before.contains(job)).sorted().toList();
    }

    /** The runs whose changes putting back the backup of {@code runId} brings back into the store, oldest first. */
    List<String> broughtBackByPuttingBack(String runId) {
        return heldBefore.getOrDefault(runId, held).stream().filter(job -> !held.contains(job)).sorted().toList();
    }
}
