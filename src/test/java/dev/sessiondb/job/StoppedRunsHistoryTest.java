package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessiondb.Fixtures;
import dev.sessiondb.JavaProcess;
import dev.sessiondb.cli.CliRun;
import dev.sessiondb.faults.SqliteWriteLock;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.sample.SampleSessions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the history and undo say about runs that were stopped (asked to, killed, failed) is what
 * the stores show. Kills wait on the state they aim at (a backup appearing), never on time; where
 * the stop may land on either side of a write, each side is checked for its own words.
 */
class StoppedRunsHistoryTest {

    @TempDir
    Path dir;

    private KillHarness harness;
    private ChildJvm child;
    private Path target;
    private List<String> old;
    private List<String> migrated;

    @BeforeEach
    void createStores() {
        harness = new KillHarness(dir);
        child = new ChildJvm(dir.resolve("home"));
        target = dir.resolve("target.db");
        StoreContents.create("sqlite:" + target, SampleSessions.minskyList(10, 99));
        old = KillHarness.sortedCanonical("sqlite:" + target);
        migrated = KillHarness.sortedCanonical("json:" + harness.source);
    }

    @Test
    void aRunKilledAfterItsBackupIsListedWithItsSourceAndSaysWhatItsTargetMayHold() throws Exception {
        Process run = child.start(harness.migrate("sqlite:" + target, "--mode", "replace"));
        awaitBackups(1);
        run.destroyForcibly();
        run.waitFor();

        JsonNode job = onlyJob(history("--store", "json:" + harness.source));
        assertThat(job.path("outcome").isNull()).isTrue();
        assertThat(job.path("sources").toString()).contains(harness.source.toString());
        List<String> left = KillHarness.sortedCanonical("sqlite:" + target);
        assertThat(left).isIn(old, migrated);
        String unknown = "the target may hold the new content or the old: compare it with sessiondb diff";
        // the kill may land before the history heard of the backup: the write had not begun then
        assertThat(job.path("unfinished").asText()).isIn(left.equals(migrated)
                ? List.of("the target holds the new content; its check and report did not finish", unknown)
                : List.of(unknown, "the target was not changed"));
        if (job.has("backupId")) {
            Backup backup = journal().find(job.path("backupId").asText()).orElseThrow();
            String copy = "sqlite:" + journal().snapshotOf(backup);
            assertThat(job.path("compareWithBackup").asText()).isEqualTo("sessiondb diff '" + copy + "' '" + job.path("target").asText() + "'");
            CliRun compared = CliRun.of("diff", copy, job.path("target").asText());
            assertThat(compared.exitCode()).as(compared.err()).isEqualTo(left.equals(old) ? 0 : 1);
        }
    }

    @Test
    void aRunAskedToStopOnceItsBackupIsTakenSaysWhatHappenedAndKeepsABackupOnlyWhenItWrote() throws Exception {
        Path output = dir.resolve("migrate.out");
        Process run = child.start(harness.migrate("sqlite:" + target, "--mode", "replace"), ProcessBuilder.Redirect.to(output.toFile()));
        awaitBackups(1);
        run.destroy();
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();

        JsonNode job = onlyJob(history());
        if (run.exitValue() == 143) {
            assertThat(Files.readString(output)).contains("sessiondb: cancelled; nothing was changed");
            assertThat(KillHarness.sortedCanonical("sqlite:" + target)).isEqualTo(old);
            assertThat(job.path("outcome").asText()).isEqualTo("cancelled");
            assertThat(job.has("backupId")).as("no backup to undo").isFalse();
            assertThat(journal().list()).isEmpty();
        } else {
            assertThat(run.exitValue()).as(Files.readString(output)).isZero();
            assertThat(KillHarness.sortedCanonical("sqlite:" + target)).isEqualTo(migrated);
            assertThat(job.path("outcome").asText()).isEqualTo("completed");
        }
    }

    /** The run is listed from its start: a stop while the new store is still built out of sight ends it cancelled. */
    @Test
    void aMigrationIntoANewFolderAskedToStopIsListedCancelledOrCompleted() throws Exception {
        Path folder = dir.resolve("new-folder");
        Path output = dir.resolve("migrate.out");
        Process run = child.start(harness.migrate("jsondir:" + folder), ProcessBuilder.Redirect.to(output.toFile()));
        awaitJobs(1);
        run.destroy();
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();

        JsonNode job = onlyJob(history());
        assertThat(job.path("job").asText()).isEqualTo("migrate");
        assertThat(job.path("sources").toString()).contains(harness.source.toString());
        if (run.exitValue() == 143) {
            assertThat(job.path("outcome").asText()).isEqualTo("cancelled");
            assertThat(folder).doesNotExist();
        } else {
            assertThat(run.exitValue()).as(Files.readString(output)).isZero();
            assertThat(job.path("outcome").asText()).isEqualTo("completed");
        }
    }

    @Test
    void anUndoAskedToStopCancelsWithNothingChangedOrFinishesAndTheHistorySaysWhich() throws Exception {
        assertThat(child.runToEnd(harness.migrate("sqlite:" + target, "--mode", "replace"))[0]).isZero();
        Backup migrateBackup = journal().list().get(0);
        Path output = dir.resolve("undo.out");
        Process undo = child.start(List.of("undo", "--backup-dir", harness.journal), ProcessBuilder.Redirect.to(output.toFile()));
        awaitBackups(2);
        undo.destroy();
        assertThat(undo.waitFor(2, TimeUnit.MINUTES)).isTrue();

        String printed = Files.readString(output);
        JsonNode undoRun = history().get(0);
        assertThat(undoRun.path("job").asText()).isEqualTo("undo");
        String migrateBackupState = undoState(migrateBackup);
        if (undo.exitValue() == 143) {
            assertThat(printed).contains("sessiondb: cancelled; nothing was changed");
            assertThat(KillHarness.sortedCanonical("sqlite:" + target)).isEqualTo(migrated);
            assertThat(undoRun.path("outcome").asText()).isEqualTo("cancelled");
            assertThat(migrateBackupState).isEqualTo("not undone");
            assertThat(journal().list()).as("the undo's own backup went with it").hasSize(1);
        } else {
            assertThat(undo.exitValue()).as(printed).isZero();
            assertThat(printed).contains("Restored sqlite:" + target.toAbsolutePath());
            assertThat(KillHarness.sortedCanonical("sqlite:" + target)).isEqualTo(old);
            assertThat(undoRun.path("outcome").asText()).isEqualTo("completed");
            assertThat(migrateBackupState).isEqualTo("undone");
        }
    }

    @Test
    void anUndoKilledOnceItsOwnBackupIsTakenLeavesTheStoreOldOrRestoredAndTheListNeverSaysTheOpposite() throws Exception {
        assertThat(child.runToEnd(harness.migrate("sqlite:" + target, "--mode", "replace"))[0]).isZero();
        Backup migrateBackup = journal().list().get(0);
        Process undo = child.start(List.of("undo", "--backup-dir", harness.journal));
        awaitBackups(2);
        undo.destroyForcibly();
        undo.waitFor();

        List<String> left = KillHarness.sortedCanonical("sqlite:" + target);
        assertThat(left).isIn(old, migrated);
        assertThat(undoState(migrateBackup)).isIn(left.equals(old) ? List.of("undone", "undo unfinished") : List.of("not undone", "undo unfinished"));
    }

    @Test
    void aRepairThatFailsOnALockedSqliteStoreIsRecordedFailedWithoutABackup() throws Exception {
        Path store = dir.resolve("repair.db");
        CliRun.of("migrate", "json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir), "sqlite:" + store,
                "--backup-dir", dir.resolve("setup-journal").toString());
        Process holder = JavaProcess.of(SqliteWriteLock.class, store.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        CliRun repair;
        try {
            assertThat(new String(holder.getInputStream().readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("locked");
            repair = CliRun.of("repair", "sqlite:" + store, "--check", "task-id-form", "--backup-dir", harness.journal);
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(1, TimeUnit.MINUTES);
        }

        assertThat(repair.exitCode()).as(repair.out()).isEqualTo(2);
        // the store repaired in place is "the store", not a target
        assertThat(repair.err()).contains("the store was not changed").doesNotContain("target");
        JsonNode job = onlyJob(history("--store", "sqlite:" + store));
        assertThat(job.path("outcome").asText()).isEqualTo("failed");
        assertThat(job.path("stopReason").asText()).as("why it failed").contains(store.toString()).contains("locked by another program");
        assertThat(CliRun.of("history", "--backup-dir", harness.journal).out()).contains("    why: " + job.path("stopReason").asText());
        assertThat(job.has("backupId")).isFalse();
        assertThat(journal().list()).isEmpty();
    }

    @Test
    void undoingAMigrationIntoANewFileSaysTheFileWasRemoved() {
        Path created = dir.resolve("new.db");
        assertThat(CliRun.of(harness.migrate("sqlite:" + created).toArray(String[]::new)).exitCode()).isZero();

        CliRun undo = CliRun.of("undo", "--backup-dir", harness.journal);

        assertThat(undo.out()).contains("Removed sqlite:" + created.toAbsolutePath() + ": it did not exist before the job");
        assertThat(created).doesNotExist();
    }

    private BackupJournal journal() {
        return new BackupJournal(Path.of(harness.journal));
    }

    /** Waits until the journal holds {@code count} complete backups: the state the stop aims at. */
    private void awaitBackups(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (journal().list().size() < count) {
            assertThat(System.nanoTime()).as("a backup appeared").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** Waits until the history lists {@code count} jobs: the run has started. */
    private void awaitJobs(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (history().size() < count) {
            assertThat(System.nanoTime()).as("the run was listed").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private JsonNode history(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("history", "--format", "json", "--backup-dir", harness.journal));
        args.addAll(List.of(options));
        return JsonCodec.parse(CliRun.of(args.toArray(String[]::new)).out());
    }

    /** What {@code undo --list} says of a backup: undone, not undone, or undo unfinished. */
    private String undoState(Backup backup) throws Exception {
        for (JsonNode listed : JsonCodec.parse(CliRun.of("undo", "--list", "--format", "json", "--backup-dir", harness.journal).out())) {
            if (listed.path("id").asText().equals(backup.id())) {
                return listed.path("undoState").asText();
            }
        }
        throw new AssertionError(backup.id() + " is not listed");
    }

    private static JsonNode onlyJob(JsonNode jobs) {
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }
}
