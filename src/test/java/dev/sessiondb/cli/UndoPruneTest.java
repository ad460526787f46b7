package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.RunIds;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UndoPruneTest {

    @TempDir
    Path dir;

    @Test
    void aDryRunListsTheBackupsAndBytesItWouldFreeAndAPruneDeletesThemAndTheHistoryStopsOfferingThem() throws IOException {
        String journal = dir.resolve("journal").toString();
        MigratesInTurns.run(dir, "sqlite:" + dir.resolve("t.db"), journal, "new", "replace", "replace");
        List<Backup> backups = new BackupJournal(Path.of(journal)).list();
        Backup oldest = backups.get(2);

        CliRun dryRun = CliRun.of("undo", "--prune", "--keep", "1", "--dry-run", "--backup-dir", journal);

        assertThat(dryRun.out()).contains("would delete " + backups.get(1).id(), "would delete " + oldest.id(), "Would delete 2 backups, 0 incomplete backups and 2 reports, ",
                "nothing was deleted (dry run)");
        assertThat(new BackupJournal(Path.of(journal)).list()).hasSize(3);

        CliRun prune = CliRun.of("undo", "--prune", "--keep", "0", "--backup-dir", journal);

        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out()).contains("Deleted 2 backups").doesNotContain(backups.get(0).id());
        assertThat(new BackupJournal(Path.of(journal)).list()).extracting(Backup::id).containsExactly(backups.get(0).id());
        // the history and undo say what became of a pruned backup (an audit: the line was dropped, undo said "no backup")
        assertThat(CliRun.of("history", "--backup-dir", journal).out()).contains("backup " + oldest.id() + " (pruned)")
                .doesNotContain("undo with: sessiondb undo " + oldest.id());
        CliRun undoPruned = CliRun.of("undo", oldest.id(), "--backup-dir", journal);
        assertThat(undoPruned.exitCode()).isNotZero();
        assertThat(undoPruned.err()).contains("backup '" + oldest.id() + "' was pruned (deleted by sessiondb undo --prune at ",
                "so it can no longer be restored");
    }

    /** An audit found a consolidate's report of 231 MB left by prune: a run's report goes with its backup, and stays while its run keeps one. */
    @Test
    void aPruneDeletesTheReportOfEachRunWhoseBackupItDeletesAndKeepsTheOthers() throws Exception {
        Path journal = dir.resolve("journal");
        MigratesInTurns.run(dir, "sqlite:" + dir.resolve("t.db"), journal.toString(), "new", "replace", "replace");
        BackupJournal backups = new BackupJournal(journal);
        List<Backup> newestFirst = backups.list();
        Path kept = backups.report(RunIds.runIdOf(newestFirst.get(0))).orElseThrow();
        List<Path> pruned = newestFirst.subList(1, 3).stream().map(backup -> backups.report(RunIds.runIdOf(backup)).orElseThrow()).toList();
        long backupBytes = backups.size(newestFirst.get(1)) + backups.size(newestFirst.get(2));
        long reportBytes = Files.size(pruned.get(0)) + Files.size(pruned.get(1));

        CliRun dryRun = CliRun.of("undo", "--prune", "--keep", "1", "--dry-run", "--backup-dir", journal.toString());

        assertThat(dryRun.out()).contains("would delete " + pruned.get(0), "would delete " + pruned.get(1),
                String.format("%,d bytes  (its report)", Files.size(pruned.get(0))),
                String.format("Would delete 2 backups, 0 incomplete backups and 2 reports, %,d bytes", backupBytes + reportBytes))
                .doesNotContain(kept.toString());
        assertThat(pruned).allSatisfy(report -> assertThat(report).exists());

        CliRun prune = CliRun.of("undo", "--prune", "--keep", "1", "--backup-dir", journal.toString());

        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out()).contains("Deleted 2 backups, 0 incomplete backups and 2 reports");
        assertThat(pruned).allSatisfy(report -> assertThat(report).doesNotExist());
        assertThat(kept).exists();
        JsonNode history = JsonCodec.parse(CliRun.of("history", "--format", "json", "--backup-dir", journal.toString()).out());
        assertThat(history.findValuesAsText("report")).as("the history names no deleted report").containsExactly(kept.toString());
    }

    /** An audit's undo --keep 2 (--prune forgotten) restored a store: options of one use given with another are refused first. */
    @Test
    void optionsThatDoNotGoTogetherAreRefusedAndNothingIsRestoredOrDeleted() throws Exception {
        String journal = dir.resolve("journal").toString();
        Path target = dir.resolve("t.db");
        MigratesInTurns.run(dir, "sqlite:" + target, journal, "new", "replace");
        byte[] before = Files.readAllBytes(target);
        List<Backup> backups = new BackupJournal(Path.of(journal)).list();

        CliRun keep = CliRun.of("undo", "--keep", "2", "--backup-dir", journal);
        assertThat(keep.exitCode()).isNotZero();
        assertThat(keep.err()).contains("--keep goes with --prune; nothing was restored or deleted");
        assertThat(CliRun.of("undo", "--dry-run", "--older-than", "1d", "--backup-dir", journal).err())
                .contains("--older-than, --dry-run go with --prune");
        CliRun withId = CliRun.of("undo", "--prune", backups.get(1).id(), "--backup-dir", journal);
        assertThat(withId.exitCode()).isNotZero();
        assertThat(withId.err()).contains("takes no BACKUP-ID");
        assertThat(CliRun.of("undo", "--prune", "--list", "--backup-dir", journal).err()).contains("--prune and --list do not go together");
        assertThat(CliRun.of("undo", "--prune", "--format", "json", "--backup-dir", journal).err()).contains("--format json goes with --list");

        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        assertThat(new BackupJournal(Path.of(journal)).list()).isEqualTo(backups);
    }

    @Test
    void aPruneOfABackupFolderThatDoesNotExistSaysSo() {
        Path missing = dir.resolve("no-such-folder");

        CliRun prune = CliRun.of("undo", "--prune", "--dry-run", "--backup-dir", missing.toString());

        assertThat(prune.exitCode()).isZero();
        assertThat(prune.out()).isEqualTo("No backups in " + missing + " (the folder does not exist); nothing to list.%n".formatted());
        assertThat(missing).doesNotExist();
    }

    /** An audit pruned the backup of a migrate still running, which then printed "undo with" that backup. */
    @Test
    void theBackupOfAJobThatHasNotEndedIsKeptAndTheDryRunSaysWhy() {
        Path folder = dir.resolve("journal");
        String journal = folder.toString();
        String source = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString();
        String target = "sqlite:" + dir.resolve("t.db");
        assertThat(CliRun.of("migrate", source, target, "--mode", "new", "--backup-dir", journal).exitCode()).isZero();
        assertThat(CliRun.of("migrate", source, target, "--mode", "replace", "--backup-dir", journal).exitCode()).isZero();
        Backup finished = new BackupJournal(folder).list().get(0);
        // a migrate that started, backed its target up and is writing: its run has no end in the history
        BackupJournal running = CatalogRecorder.journal(folder, warning -> { });
        StoreLocator store = StoreLocator.parse(target);
        String runId = running.startRun("migrate", "migrate " + source + " -> " + target, List.of(), store).runId();
        Backup inUse = running.backUp(runId, store, "migrate", ProgressMonitor.NONE);

        CliRun dryRun = CliRun.of("undo", "--prune", "--keep", "0", "--include-last-undo", "--dry-run", "--backup-dir", journal);

        assertThat(dryRun.out()).contains("would delete " + finished.id(), "kept         " + inUse.id() + ": its migrate (run " + runId
                + ") is still running").doesNotContain("would delete " + inUse.id());

        CliRun prune = CliRun.of("undo", "--prune", "--keep", "0", "--include-last-undo", "--backup-dir", journal);

        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(new BackupJournal(folder).list()).extracting(Backup::id).containsExactly(inUse.id());

        // the run stops: it lets go of its lock, and its backup is pruned like any other
        assertThatThrownBy(() -> running.endingOnStop(runId, () -> {
            throw new CancelledException("cancelled");
        })).isInstanceOf(CancelledException.class);
        assertThat(CliRun.of("undo", "--prune", "--keep", "0", "--include-last-undo", "--backup-dir", journal).out()).contains("deleted      " + inUse.id());
        assertThat(new BackupJournal(folder).list()).isEmpty();
    }
}
