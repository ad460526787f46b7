package dev.sessiondb.catalog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One job of the history, as {@code sessiondb history} and the History view show it. Stores
 * are locators without passwords.
 *
 * @param outcome empty when the run has not ended: an edit in the app, a run still going, or one killed
 * @param undoneAt when undo put back the backup the run took, if it did
 * @param writtenAt when the run's write into its target was complete, if it got that far
 * @param prunedBackupId the backup the run took, once a prune deleted it ({@code backupId} is then empty)
 * @param running whether a run that has not ended may still be running (it holds its lock); false for one killed
 * @param stopReason why a run that stopped without a report was refused or failed, secrets masked
 * @param undoneBy  for a run undone by the undo of an earlier job on its store (which took this run's changes with it): which
 */
public record PastJob(String runId, String kind, String description, List<String> sources, Optional<String> target,
                      Instant startedAt, Optional<Instant> finishedAt, Optional<String> outcome, Map<String, Long> counts,
                      Optional<String> reportPath, Optional<String> backupId, Optional<Instant> undoneAt, Optional<Instant> writtenAt,
                      Optional<String> prunedBackupId, boolean running, Optional<String> stopReason, Optional<String> undoneBy) {

    /** A run that is not running, whose backup, if it took one, was not pruned. */
    public PastJob(String runId, String kind, String description, List<String> sources, Optional<String> target,
                   Instant startedAt, Optional<Instant> finishedAt, Optional<String> outcome, Map<String, Long> counts,
                   Optional<String> reportPath, Optional<String> backupId, Optional<Instant> undoneAt, Optional<Instant> writtenAt) {
        this(runId, kind, description, sources, target, startedAt, finishedAt, outcome, counts, reportPath, backupId, undoneAt, writtenAt,
                Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    public PastJob {
        sources = List.copyOf(sources);
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    public boolean undone() {
        return undoneAt.isPresent();
    }

    /** Undo can put back what the run replaced: it took a backup, nobody restored it, and it is not itself an undo. */
    public boolean undoable() {
        return backupId.isPresent() && undoneAt.isEmpty() && !JobHistory.isUndo(kind);
    }

    /**
     * Whether the History view can take the run back: as {@link #undoable()}, and also an undo, whose backup holds the
     * job it took back (the command line's plain undo puts it back too). Not an edit's undo: it wrote one record back,
     * so its backup is in no chain of undos that says which edits the store holds.
     */
    public boolean undoableFromHistory() {
        return undoable() || (kind.equals("undo") && backupId.isPresent() && undoneAt.isEmpty());
    }

    /** The same run, known to be running or not by its lock. */
    public PastJob withRunning(boolean stillRunning) {
        return new PastJob(runId, kind, description, sources, target, startedAt, finishedAt, outcome, counts, reportPath, backupId, undoneAt,
                writtenAt, prunedBackupId, stillRunning, stopReason, undoneBy);
    }

    /**
     * How the run ended in a word or two: its outcome; without one, "saved" for an edit in the app, "running" for a run
     * still holding its lock, else "did not finish" (killed).
     */
    public String ending() {
        return outcome.map(value -> value.replace('_', ' ')).orElse(isEdit() ? "saved" : running ? "running" : "did not finish");
    }

    /**
     * What a run that did not finish (killed) left in the store it wrote, as far as the history knows: it
     * marks the run's backup (taken just before the write) and the write's end.
     */
    public Optional<String> unfinishedTarget() {
        if (outcome.isPresent() || isEdit() || running) {
            return Optional.empty();
        }
        boolean undo = JobHistory.isUndo(kind);
        // a run without sources (a repair, an upgrade) changes its one store in place: it has no target, as Job.writtenStore says
        String written = sources.isEmpty() ? "the store" : "the target";
        if (writtenAt.isPresent()) {
            return Optional.of(undo ? "the store was restored" : written + " holds the new content; its check and report did not finish");
        }
        if (backupId.isEmpty() && prunedBackupId.isEmpty()) {
            return Optional.of(undo ? "the store was not changed" : written + " was not changed");
        }
        return Optional.of((undo ? "unknown whether the store was restored" : written + " may hold the new content or the old")
                + ": compare it with sessiondb diff");
    }

    private boolean isEdit() {
        return kind.equals("edit");
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("runId", runId).put("job", kind).put("description", description).put("startedAt", startedAt.toString());
        sources.forEach(json.putArray("sources")::add);
        target.ifPresent(store -> json.put("target", store));
        finishedAt.ifPresent(when -> json.put("finishedAt", when.toString()));
        json.put("outcome", outcome.orElse(null));
        json.put("running", running);
        stopReason.ifPresent(why -> json.put("stopReason", why));
        unfinishedTarget().ifPresent(left -> json.put("unfinished", left));
        ObjectNode countsJson = json.putObject("counts");
        counts.forEach(countsJson::put);
        reportPath.ifPresent(path -> json.put("report", path));
        backupId.ifPresent(id -> json.put("backupId", id));
        prunedBackupId.ifPresent(id -> json.put("prunedBackupId", id));
        json.put("undone", undone());
        undoneAt.ifPresent(when -> json.put("undoneAt", when.toString()));
        undoneBy.ifPresent(by -> json.put("undoneBy", by));
        return json;
    }
}
