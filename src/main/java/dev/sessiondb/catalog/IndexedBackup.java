package dev.sessiondb.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.job.backup.Backup;
import java.util.Optional;

/**
 * A backup of the journal with the job that took it, as {@code sessiondb undo --list} shows it.
 *
 * @param restoreUnfinished an undo began putting it back and never ended, so whether the store holds it is unknown
 * @param undoneBy the undo of an earlier job on the store that took this job's changes out with it ({@link PastJob#undoneBy})
 */
public record IndexedBackup(Backup backup, String job, boolean restoreUnfinished, Optional<String> undoneBy) {

    /** A backup the history knows nothing more of: read from the journal's folders. */
    public IndexedBackup(Backup backup, String job) {
        this(backup, job, false, Optional.empty());
    }

    public boolean restored() {
        return backup.restoredAt().isPresent();
    }

    /** "undone" (put back, or its job's changes taken out by the undo of an earlier one), "not undone", or "undo unfinished" when an undo of it was stopped in its restore. */
    public String undoState() {
        return restored() || undoneBy.isPresent() ? "undone" : restoreUnfinished ? "undo unfinished" : "not undone";
    }

    public ObjectNode toJson() {
        ObjectNode json = backup.toJson().put("job", job).put("undone", restored() || undoneBy.isPresent()).put("undoState", undoState());
        undoneBy.ifPresent(by -> json.put("undoneBy", by));
        return json;
    }
}
