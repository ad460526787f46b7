package dev.sessiondb.job.backup;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Restoring a backup an undo took undoes that undo: the backup it had put back is no longer
 * restored (its job is in the store again); if an undo took that one in turn, the backup that
 * undo put back is restored again; and so on down the chain, so that the list says which jobs
 * the store holds.
 */
final class UndoChain {

    private final BackupFolders folders;
    private final JournalListener listener;

    UndoChain(BackupFolders folders, JournalListener listener) {
        this.folders = folders;
        this.listener = listener;
    }

    /** Marks down the chain from {@code restored}, just restored at {@code now}, among {@code backups} (the journal's). */
    void follow(Backup restored, Instant now, List<Backup> backups) {
        boolean putBack = false;
        Map<String, Backup> byId = backups.stream().collect(Collectors.toMap(Backup::id, Function.identity()));
        Optional<Backup> next = restored.restoredByItsRun().map(byId::get);
        while (next.isPresent()) {
            Backup backup = next.get();
            if (backup.restoredAt().isPresent() != putBack) {
                Backup changed = putBack ? backup.markedRestored(now) : backup.markedNotRestored();
                folders.save(changed);
                listener.undoStateChanged(changed);
            }
            putBack = !putBack;
            next = backup.restoredByItsRun().map(byId::get);
        }
    }
}
