package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.JavaProcess;
import dev.sessiondb.faults.RunCopyingItsBackup;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.JsonCodec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job killed (kill -9) while it copies its backup leaves a folder without a manifest (an audit
 * found 27-32 MB of them that undo --list did not show and no prune removed): it is listed as
 * incomplete, and pruned, but never while its run still holds its lock.
 */
class IncompleteBackupTest {

    private static final int COPIED = 3_000_000;

    @TempDir
    Path dir;

    private Path folder;
    private String journal;
    private Backup complete;

    @BeforeEach
    void migrateTwice() {
        folder = dir.resolve("journal");
        journal = folder.toString();
        String source = Fixtures.copy(Fixtures.MINSKY_ARRAY, dir).toString();
        for (String mode : List.of("new", "replace")) {
            assertThat(CliRun.of("migrate", source, "sqlite:" + dir.resolve("t.db"), "--mode", mode, "--backup-dir", journal).exitCode()).isZero();
        }
        complete = new BackupJournal(folder).list().get(0);
    }

    @Test
    void aBackupBeingCopiedIsListedAsSuchAndKeptThenOnceItsJobIsKilledItIsListedAsIncompleteAndPruned() throws Exception {
        Process job = JavaProcess.of(RunCopyingItsBackup.class, journal, "sqlite:" + dir.resolve("t.db"), String.valueOf(COPIED))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String runId = new BufferedReader(new InputStreamReader(job.getInputStream(), StandardCharsets.UTF_8)).readLine();
        String copying = runId + "-beef";
        try {
            assertThat(CliRun.of("undo", "--list", "--backup-dir", journal).out()).contains(copying, "incomplete", "3,000,000 bytes",
                    "being taken by run " + runId + ", still running");
            assertThat(CliRun.of("history", "--backup-dir", journal).out()).containsPattern("migrate +running +" + runId);
            CliRun whileRunning = CliRun.of("undo", "--prune", "--keep", "0", "--include-last-undo", "--backup-dir", journal);
            assertThat(whileRunning.out()).as(whileRunning.err()).contains("kept         " + copying + ": its migrate (run " + runId + ") is still running")
                    .contains("deleted      " + complete.id()).doesNotContain("deleted      " + copying);
            assertThat(folder.resolve("backups").resolve(copying)).isDirectory();
        } finally {
            job.destroyForcibly();
            job.waitFor();
        }

        CliRun list = CliRun.of("undo", "--list", "--backup-dir", journal);
        assertThat(list.out()).contains(copying, "3,000,000 bytes", "left by run " + runId + ", which did not finish: it cannot be restored;"
                + " sessiondb undo --prune deletes it");
        JsonNode listed = JsonCodec.parse(CliRun.of("undo", "--list", "--format", "json", "--backup-dir", journal).out());
        assertThat(listed.findParents("incomplete")).singleElement().satisfies(leftover -> {
            assertThat(leftover.path("id").asText()).isEqualTo(copying);
            assertThat(leftover.path("bytes").asLong()).isEqualTo(COPIED);
            assertThat(leftover.path("running").asBoolean()).isFalse();
        });
        assertThat(CliRun.of("history", "--backup-dir", journal).out()).containsPattern("migrate +did not finish +" + runId);
        CliRun undoIt = CliRun.of("undo", copying, "--backup-dir", journal);
        assertThat(undoIt.exitCode()).isNotZero();
        assertThat(undoIt.err()).contains("backup '" + copying + "' is incomplete (left by run " + runId + ", which did not finish: it cannot be"
                + " restored; sessiondb undo --prune deletes it); nothing was restored");

        CliRun dryRun = CliRun.of("undo", "--prune", "--dry-run", "--backup-dir", journal);
        assertThat(dryRun.out()).contains("would delete " + copying, "3,000,000 bytes  (incomplete: its run did not finish)",
                "Would delete 0 backups, 1 incomplete backup and 0 reports, 3,000,000 bytes (3.0 MB); nothing was deleted (dry run).");
        assertThat(folder.resolve("backups").resolve(copying)).isDirectory();

        CliRun prune = CliRun.of("undo", "--prune", "--backup-dir", journal);

        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out()).contains("deleted      " + copying);
        assertThat(folder.resolve("backups").resolve(copying)).doesNotExist();
        assertThat(folder.resolve("runs").resolve(runId + ".lock")).as("the lock file the kill left").doesNotExist();
        assertThat(CliRun.of("undo", "--list", "--backup-dir", journal).out()).doesNotContain("incomplete");
    }

    /** The state a job killed by an earlier version leaves: a part of its copy, and no lock file. */
    @Test
    void aPartOfACopyWithoutALockFileIsAnIncompleteBackupOfARunThatEnded() throws Exception {
        assertThat(folder.resolve("runs")).as("a run that ended leaves no lock file").isEmptyDirectory();
        Path copy = folder.resolve("backups").resolve("20261205T104456.863Z-migrate-d8a7-8ee6").resolve("data");
        Files.createDirectories(copy.getParent());
        Files.write(copy, new byte[1234]);
        Files.write(copy.resolveSibling("data-journal"), new byte[1024]);

        assertThat(CliRun.of("undo", "--list", "--backup-dir", journal).out()).contains("20261205T104456.863Z-migrate-d8a7-8ee6", "2,258 bytes",
                "which did not finish: it cannot be restored");
        CliRun prune = CliRun.of("undo", "--prune", "--backup-dir", journal);

        assertThat(prune.out()).contains("Deleted 0 backups, 1 incomplete backup and 0 reports, 2,258 bytes");
        assertThat(copy.getParent()).doesNotExist();
        assertThat(new BackupJournal(folder).list()).extracting(Backup::id).contains(complete.id());
    }

    /** A run killed between making its lock file and renaming it into place leaves it aside, unlocked. */
    @Test
    void aPruneClearsTheLockFilesKilledRunsLeftAsideAndInPlace() throws Exception {
        Path runs = Files.createDirectories(folder.resolve("runs"));
        Files.createFile(runs.resolve("20261205T104456.863Z-migrate-d8a7.lock.new"));
        Files.createFile(runs.resolve("20261205T104457.001Z-migrate-e1f2.lock"));

        assertThat(CliRun.of("undo", "--prune", "--backup-dir", journal).exitCode()).isZero();

        assertThat(runs).isEmptyDirectory();
    }
}
