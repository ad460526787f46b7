package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessiondb.Fixtures;
import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.StoreLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit ran {@code undo} while a migrate still wrote its store: undo picked that migrate's backup and refused for
 * the wrong reason ("another program wrote to ..."). A backup whose store a run still writes is refused, saying so.
 */
class UndoWhileItsRunWritesTest {

    @TempDir
    Path dir;

    private Path folder;
    private String journal;
    private Path file;
    private String target;
    /** A migrate that started (it holds its run's lock) with the store as its target, and is writing it. */
    private BackupJournal running;
    private String runId;

    /** Two migrates into the store that ended, each with its backup, and a third that has started. */
    @BeforeEach
    void aMigrateWritingAStoreWithBackups() {
        folder = dir.resolve("journal");
        journal = folder.toString();
        String source = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString();
        file = dir.resolve("t.db");
        target = "sqlite:" + file;
        MigratesInTurns.run(dir, target, journal, "new", "replace");
        running = CatalogRecorder.journal(folder, warning -> { });
        runId = running.startRun("migrate", "migrate " + source + " -> " + target, List.of(), StoreLocator.parse(target)).runId();
    }

    @Test
    void undoWithOrWithoutAnIdRefusesTheBackupOfARunStillWritingAndRestoresNothing() throws Exception {
        Backup inUse = running.backUp(runId, StoreLocator.parse(target), "migrate", ProgressMonitor.NONE);
        byte[] before = Files.readAllBytes(file);

        for (CliRun undo : List.of(CliRun.of("undo", "--backup-dir", journal), CliRun.of("undo", inUse.id(), "--backup-dir", journal))) {
            assertThat(undo.exitCode()).isEqualTo(2);
            assertThat(undo.err()).contains("run " + runId + " (migrate, started ", ") is still writing " + inUse.locator()
                    + "; wait for it to end or stop it, then run undo again; nothing was restored").doesNotContain("another program");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(new BackupJournal(folder).list()).extracting(Backup::id).as("no backup of an undo").hasSize(3);

        // the run stops: its backup can be restored as any other
        stopTheRun();
        CliRun undo = CliRun.of("undo", inUse.id(), "--backup-dir", journal);
        assertThat(undo.exitCode()).as(undo.err()).isZero();
    }

    /** The audit's migrate had not yet finished copying its backup: plain undo picked the one before, and the restore raced the migrate. */
    @Test
    void undoRefusesWhileARunThatHasNoWholeBackupYetWritesTheStore() throws Exception {
        byte[] before = Files.readAllBytes(file);

        CliRun undo = CliRun.of("undo", "--backup-dir", journal);

        assertThat(undo.exitCode()).isEqualTo(2);
        assertThat(undo.err()).contains("run " + runId + " (migrate, started ", ") is still writing sqlite:" + file);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        stopTheRun();
    }

    private void stopTheRun() {
        assertThatThrownBy(() -> running.endingOnStop(runId, () -> {
            throw new CancelledException("cancelled");
        })).isInstanceOf(CancelledException.class);
    }
}
