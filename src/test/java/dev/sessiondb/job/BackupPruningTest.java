package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupPruning;
import dev.sessiondb.store.StoreFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupPruningTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    private static Backup backup(String id, String store, int daysAgo, boolean undone) {
        Instant created = NOW.minus(Duration.ofDays(daysAgo));
        return new Backup(id, created, "migrate", "json:/tmp/" + store, StoreFormat.JSON, Backup.Kind.RECORDS, 1,
                undone ? Optional.of(created.plusSeconds(60)) : Optional.empty());
    }

    /** Two stores, newest first as the journal lists them: a.json's newest two were undone, so its third is what undo restores next. */
    private static final List<Backup> JOURNAL = List.of(
            backup("a5", "a.json", 1, true), backup("b3", "b.json", 2, false), backup("a4", "a.json", 3, true),
            backup("a3", "a.json", 40, false), backup("b2", "b.json", 41, false), backup("a2", "a.json", 50, false),
            backup("b1", "b.json", 60, false), backup("a1", "a.json", 70, false));

    @Test
    void eachStoreKeepsItsNewestAndTheBackupUndoWouldRestoreNext() {
        assertThat(new BackupPruning(1, Optional.empty(), false).select(JOURNAL, NOW)).extracting(Backup::id)
                .containsExactly("a4", "b2", "a2", "b1", "a1");
    }

    @Test
    void theBackupUndoWouldRestoreNextGoesOnlyWhenAskedAndAnAgeSparesNewerOnes() {
        assertThat(new BackupPruning(0, Optional.empty(), true).select(JOURNAL, NOW)).hasSize(JOURNAL.size());
        assertThat(new BackupPruning(0, Optional.of(Duration.ofDays(45)), false).select(JOURNAL, NOW)).extracting(Backup::id)
                .containsExactly("a2", "b1", "a1");
    }
}
