package dev.sessiondb.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.job.backup.Backup;

/** A backup of the journal with the job that took it, as {@code sessiondb undo --list} shows it. */
public record IndexedBackup(Backup backup, String job) {

    public boolean restored() {
        return backup.restoredAt().isPresent();
    }

    public ObjectNode toJson() {
        return backup.toJson().put("job", job).put("undone", restored());
    }
}
