package dev.sessiondb.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What an undo does to the jobs' changes its store holds: it puts back the backup one job took, so the changes of that job
 * and of every later job still in the store leave it, and those an undo since had taken out come back.
 *
 * @param removes     the jobs whose changes leave the store, oldest first (the job undone among them)
 * @param bringsBack  the jobs whose changes come back, oldest first
 */
public record UndoEffects(List<PastJob> removes, List<PastJob> bringsBack) {

    public UndoEffects {
        removes = List.copyOf(removes);
        bringsBack = List.copyOf(bringsBack);
    }

    /** What the undo of run {@code runId} does besides taking that run back, in a sentence for a confirm; empty when nothing else. */
    public String besides(String runId) {
        List<PastJob> later = removes.stream().filter(job -> !job.runId().equals(runId)).toList();
        StringBuilder said = new StringBuilder();
        if (!later.isEmpty()) {
            said.append("it also removes the changes of the later ").append(later.size() == 1 ? "job" : "jobs").append(' ').append(named(later));
        }
        if (!bringsBack.isEmpty()) {
            said.append(said.length() == 0 ? "it " : "; and it ").append("brings back the changes of ").append(named(bringsBack));
        }
        return said.toString();
    }

    private static String named(List<PastJob> jobs) {
        return jobs.stream().map(job -> job.description() + " (run " + job.runId() + ")").collect(Collectors.joining(", "));
    }
}
