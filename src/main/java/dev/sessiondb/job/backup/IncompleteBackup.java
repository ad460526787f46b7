package dev.sessiondb.job.backup;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A backup folder without its manifest: a backup being taken now, one a job killed while it
 * copied (or while it deleted the backup) left behind, or one a prune stopped part-way. It restores nothing.
 *
 * @param running       whether the run taking it may still be running (it holds its lock); a prune keeps it then
 * @param prunedPartWay whether a prune began deleting it (its manifest renamed) and stopped: its run may well have completed
 */
public record IncompleteBackup(String id, long bytes, boolean running, boolean prunedPartWay) {

    /** The run that took it, as {@link RunIds#runIdOf(String)} names it. */
    public String runId() {
        return RunIds.runIdOf(id);
    }

    /** As {@code undo --list --format json} lists it beside the complete backups. */
    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("job", RunIds.jobOf(runId())).put("incomplete", true)
                .put("bytes", bytes).put("running", running).put("prunedPartWay", prunedPartWay).put("undoState", "incomplete");
    }
}
