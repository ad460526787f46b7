package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An audit: undo of a migrate into an empty x.db removed the file and said it never existed. */
class UndoEmptyFileTest {

    @TempDir
    Path dir;

    @Test
    void undoOfAJobIntoAnEmptyFilePutsTheEmptyFileBackAndThatUndoCanBeUndone() throws Exception {
        String journal = dir.resolve("journal").toString();
        String source = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString();
        Path target = Files.createFile(dir.resolve("x.db"));
        CliRun migrate = CliRun.of("migrate", source, "sqlite:" + target, "--backup-dir", journal);
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        Backup taken = new BackupJournal(Path.of(journal)).list().get(0);
        assertThat(taken.kind()).isEqualTo(Backup.Kind.EMPTY_FILE);

        CliRun undo = CliRun.of("undo", taken.id(), "--backup-dir", journal);

        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(undo.out()).contains("Restored sqlite:" + target + " as the empty file it was before the job that took backup " + taken.id())
                .doesNotContain("did not exist");
        assertThat(target).isRegularFile().isEmptyFile();
        assertThat(Path.of(target + "-wal")).doesNotExist();

        Backup replaced = new BackupJournal(Path.of(journal)).latestNotRestored().orElseThrow();
        assertThat(CliRun.of("undo", replaced.id(), "--backup-dir", journal).exitCode()).isZero();
        assertThat(StoreContents.records("sqlite:" + target)).hasSize(Fixtures.MINSKY_COUNT);
    }
}
