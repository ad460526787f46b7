package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.files.FileTrees;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.RunIds;
import dev.sessiondb.model.JsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit stopped {@code undo --prune} (SIGTERM, kill -9) while it deleted large backups: the history then listed
 * backups whose folder was gone as restorable, and one half deleted twice, as restorable and as left by a run "which did
 * not finish" though its run completed. Each test makes the state such a prune leaves, then looks and prunes again.
 */
class UndoPrunePartWayTest {

    @TempDir
    Path dir;

    private Path folder;
    private String journal;
    /** Newest first: three migrates into one store, each with its backup and report. */
    private List<Backup> backups;

    @BeforeEach
    void threeMigrates() {
        folder = dir.resolve("journal");
        journal = folder.toString();
        MigratesInTurns.run(dir, "sqlite:" + dir.resolve("t.db"), journal, "new", "replace", "replace");
        backups = new BackupJournal(folder).list();
        assertThat(CliRun.of("undo", "--list", "--backup-dir", journal).out()).contains(backups.get(2).id()); // the catalog indexes them
    }

    /** A prune of an earlier version killed after it deleted a folder, before it told the history. */
    @Test
    void aBackupWhoseFolderIsGoneIsNeitherListedNorOfferedByTheHistory() throws Exception {
        Backup gone = backups.get(1);
        FileTrees.delete(folder.resolve("backups").resolve(gone.id()));

        CliRun list = CliRun.of("undo", "--list", "--backup-dir", journal);

        assertThat(list.out()).doesNotContain(gone.id()).contains(backups.get(0).id(), backups.get(2).id());
        JsonNode json = JsonCodec.parse(CliRun.of("undo", "--list", "--format", "json", "--backup-dir", journal).out());
        assertThat(json.findValuesAsText("id")).containsExactly(backups.get(0).id(), backups.get(2).id());
        assertThat(CliRun.of("history", "--backup-dir", journal).out()).doesNotContain("undo with: sessiondb undo " + gone.id());
        CliRun undo = CliRun.of("undo", gone.id(), "--backup-dir", journal);
        assertThat(undo.exitCode()).isNotZero();
        assertThat(undo.err()).contains("no backup '" + gone.id() + "'");
    }

    /** A prune of an earlier version killed while it deleted a folder, its manifest gone first (and the run's report before it). */
    @Test
    void aCompletedRunsBackupHalfDeletedIsListedOnceAsPrunedPartWayAndTheNextPruneDeletesIt() throws Exception {
        Backup half = backups.get(1);
        Path halfFolder = folder.resolve("backups").resolve(half.id());
        Files.delete(halfFolder.resolve("backup.json"));
        Files.delete(new BackupJournal(folder).report(RunIds.runIdOf(half)).orElseThrow());

        String list = CliRun.of("undo", "--list", "--backup-dir", journal).out();

        assertThat(list.split(half.id(), -1)).as("listed once").hasSize(2);
        assertThat(list).contains("pruned part-way (run " + RunIds.runIdOf(half) + " took it and completed")
                .doesNotContain("did not finish").doesNotContain(half.createdAt().toString());
        CliRun undo = CliRun.of("undo", half.id(), "--backup-dir", journal);
        assertThat(undo.exitCode()).isNotZero();
        assertThat(undo.err()).contains("backup '" + half.id() + "' is incomplete (pruned part-way");

        CliRun prune = CliRun.of("undo", "--prune", "--keep", "3", "--backup-dir", journal);

        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out()).contains("deleted      " + half.id(), "(incomplete: pruned part-way)", "Deleted 0 backups, 1 incomplete backup");
        assertThat(halfFolder).doesNotExist();
        assertThat(CliRun.of("undo", "--list", "--backup-dir", journal).out()).doesNotContain(half.id());
    }

    /** This version's prune stopped after it marked the backup pruned (its manifest renamed), before the history heard of it. */
    @Test
    void aBackupMarkedPrunedIsNotRestorableAndTheNextPruneDeletesItWithItsReportAndTellsTheHistory() throws Exception {
        Backup marked = backups.get(2);
        Path markedFolder = folder.resolve("backups").resolve(marked.id());
        Files.move(markedFolder.resolve("backup.json"), markedFolder.resolve("backup.json.pruning"));
        Path report = new BackupJournal(folder).report(RunIds.runIdOf(marked)).orElseThrow();

        assertThat(CliRun.of("undo", "--list", "--backup-dir", journal).out()).contains("pruned part-way").doesNotContain("did not finish")
                .doesNotContain(marked.createdAt().toString());
        assertThat(CliRun.of("history", "--backup-dir", journal).out()).doesNotContain("undo with: sessiondb undo " + marked.id());

        CliRun prune = CliRun.of("undo", "--prune", "--keep", "3", "--backup-dir", journal);

        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out()).contains("deleted      " + marked.id(), "(incomplete: pruned part-way)", "(its report)");
        assertThat(markedFolder).doesNotExist();
        assertThat(report).doesNotExist();
        assertThat(CliRun.of("history", "--backup-dir", journal).out()).contains("backup " + marked.id() + " (pruned)");
        CliRun undo = CliRun.of("undo", marked.id(), "--backup-dir", journal);
        assertThat(undo.err()).contains("backup '" + marked.id() + "' was pruned");
    }

    /** A whole prune leaves no mark behind, and a later list agrees with the folders. */
    @Test
    void aPruneThatEndsLeavesOnlyWholeBackupsAndTheListAgrees() throws Exception {
        CliRun prune = CliRun.of("undo", "--prune", "--keep", "1", "--backup-dir", journal);

        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(new BackupJournal(folder).incomplete()).isEmpty();
        JsonNode json = JsonCodec.parse(CliRun.of("undo", "--list", "--format", "json", "--backup-dir", journal).out());
        assertThat(json.findValuesAsText("id")).containsExactly(backups.get(0).id());
    }
}
