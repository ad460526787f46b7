package dev.sessiondb.job.backup;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A backup folder without its manifest: a backup being taken now, or one a job killed while it
 * copied (or while it deleted the backup) left behind. It restores nothing.
 *
 * @param running whether the run taking it may still be running (it holds its lock); a prune keeps it then
 */
public record IncompleteBackup(String id, long bytes, boolean running) {

    /** The run that took it, as {@link BackupJournal#runIdOf(Backup)} names it. */
    public String runId() {
        return BackupJournal.runIdOf(id);
    }

    /** As {@code undo --list --format json} lists it beside the complete backups. */
    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("job", BackupJournal.jobOf(runId())).put("incomplete", true)
                .put("bytes", bytes).put("running", running).put("undoState", "incomplete");
    }
}
