package dev.sessiondb.job.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which backups a prune deletes: per store, all but the newest {@code keep}, only those older
 * than {@code olderThan} when given, and never the store's newest backup that undo could still
 * restore unless {@code includeLastUndoable}: that one is what a plain undo of the store puts back.
 */
public record BackupPruning(int keep, Optional<Duration> olderThan, boolean includeLastUndoable) {

    /** The backups of {@code all} (newest first, as the journal lists them) to delete, newest first. */
    public List<Backup> select(List<Backup> all, Instant now) {
        Map<String, List<Backup>> byStore = new LinkedHashMap<>();
        all.forEach(backup -> byStore.computeIfAbsent(backup.locator(), store -> new ArrayList<>()).add(backup));
        List<Backup> deleted = new ArrayList<>();
        byStore.values().forEach(newestFirst -> {
            Optional<Backup> lastUndoable = newestFirst.stream().filter(backup -> backup.restoredAt().isEmpty()).findFirst();
            newestFirst.stream().skip(keep)
                    .filter(backup -> olderThan.isEmpty() || backup.createdAt().isBefore(now.minus(olderThan.get())))
                    .filter(backup -> includeLastUndoable || !lastUndoable.equals(Optional.of(backup)))
                    .forEach(deleted::add);
        });
        deleted.sort(Comparator.comparing(Backup::createdAt).thenComparing(Backup::id).reversed());
        return deleted;
    }
}
