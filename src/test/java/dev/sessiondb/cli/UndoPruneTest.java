package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UndoPruneTest {

    @TempDir
    Path dir;

    @Test
    void aDryRunListsTheBackupsAndBytesItWouldFreeAndAPruneDeletesThemAndTheHistoryStopsOfferingThem() {
        String journal = dir.resolve("journal").toString();
        String source = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString();
        String target = "sqlite:" + dir.resolve("t.db");
        for (String mode : List.of("new", "replace", "replace")) {
            assertThat(CliRun.of("migrate", source, target, "--mode", mode, "--backup-dir", journal).exitCode()).isZero();
        }
        List<Backup> backups = new BackupJournal(Path.of(journal)).list();
        Backup oldest = backups.get(2);

        CliRun dryRun = CliRun.of("undo", "--prune", "--keep", "1", "--dry-run", "--backup-dir", journal);

        assertThat(dryRun.out()).contains("would delete " + backups.get(1).id(), "would delete " + oldest.id(), "Would delete 2 backups, ",
                "nothing was deleted (dry run)");
        assertThat(new BackupJournal(Path.of(journal)).list()).hasSize(3);

        CliRun prune = CliRun.of("undo", "--prune", "--keep", "0", "--backup-dir", journal);

        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out()).contains("Deleted 2 backups").doesNotContain(backups.get(0).id());
        assertThat(new BackupJournal(Path.of(journal)).list()).extracting(Backup::id).containsExactly(backups.get(0).id());
        assertThat(CliRun.of("history", "--backup-dir", journal).out()).doesNotContain(oldest.id());
    }
}
