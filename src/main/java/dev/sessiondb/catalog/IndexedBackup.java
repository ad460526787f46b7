package dev.sessiondb.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.job.backup.Backup;

/**
 * A backup of the journal with the job that took it, as {@code sessiondb undo --list} shows it.
 *
 * @param restoreUnfinished an undo began putting it back and never ended, so whether the store holds it is unknown
 */
public record IndexedBackup(Backup backup, String job, boolean restoreUnfinished) {

    public boolean restored() {
        return backup.restoredAt().isPresent();
    }

    /** "undone", "not undone", or "undo unfinished" when an undo of it was stopped in its restore. */
    public String undoState() {
        return restored() ? "undone" : restoreUnfinished ? "undo unfinished" : "not undone";
    }

    public ObjectNode toJson() {
        return backup.toJson().put("job", job).put("undone", restored()).put("undoState", undoState());
    }
}
