package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pass over the CLI found {@code undo --list ID} ignoring the ID and listing every backup. */
class UndoListOneTest {

    @TempDir
    Path dir;

    @Test
    void listWithABackupIdListsOnlyThatBackup() {
        String journal = dir.resolve("journal").toString();
        String source = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString();
        // two targets: a replace of a target holding the source's records as they are writes nothing and takes no backup
        for (String target : List.of("t.db", "u.db")) {
            assertThat(CliRun.of("migrate", source, "sqlite:" + dir.resolve(target), "--backup-dir", journal).exitCode()).isZero();
        }
        List<Backup> backups = new BackupJournal(Path.of(journal)).list();

        CliRun listed = CliRun.of("undo", "--list", backups.get(1).id(), "--backup-dir", journal);

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains(backups.get(1).id()).doesNotContain(backups.get(0).id());
        CliRun json = CliRun.of("undo", "--list", backups.get(0).id(), "--format", "json", "--backup-dir", journal);
        assertThat(json.out()).contains(backups.get(0).id()).doesNotContain(backups.get(1).id());
    }

    @Test
    void listWithAnIdItDoesNotKnowIsRefusedAsARestoreOfItIs() {
        String journal = dir.resolve("journal").toString();
        String source = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString();
        assertThat(CliRun.of("migrate", source, "sqlite:" + dir.resolve("t.db"), "--backup-dir", journal).exitCode()).isZero();

        CliRun listed = CliRun.of("undo", "--list", "nosuch", "--backup-dir", journal);

        assertThat(listed.exitCode()).isEqualTo(2);
        assertThat(listed.err()).contains("no backup 'nosuch' in ");
        assertThat(listed.out()).isEmpty();
    }
}
