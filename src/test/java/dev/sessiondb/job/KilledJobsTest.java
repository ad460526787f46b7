package dev.sessiondb.job;

import static dev.sessiondb.job.KillHarness.rerun;
import static dev.sessiondb.job.KillHarness.sortedCanonical;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.files.Staging;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs killed like kill -9 (destroyForcibly on a child JVM) at random points: every store
 * still opens, the sources are unchanged byte for byte, the target is either untouched or
 * complete, and running the job again finishes it. Kill points are spread over a measured
 * full run; nothing asserts on time.
 */
class KilledJobsTest {

    @TempDir
    Path dir;

    private KillHarness harness;
    private Path source;
    private String journal;

    @BeforeEach
    void createSource() {
        harness = new KillHarness(dir);
        source = harness.source;
        journal = harness.journal;
    }

    @Test
    void aMigrationKilledAnywhereLeavesNoTargetOrACompleteOneAndARerunFinishesIt() throws Exception {
        List<String> expected = sortedCanonical("json:" + source);
        long fullRun = harness.measure(harness.migrate("json:" + dir.resolve("reference.json")));

        List<Long> points = harness.killPoints(fullRun, 8);
        for (int kill = 0; kill < points.size(); kill++) {
            Path target = dir.resolve("target-" + kill + ".json");
            List<String> args = harness.migrate("json:" + target);
            harness.killAfter(args, points.get(kill));

            harness.assertSourceUnchanged();
            assertAbsentOrHolding(target, expected);
            rerun(args);
            assertThat(sortedCanonical("json:" + target)).isEqualTo(expected);
            KillHarness.assertNothingStagedBeside(target);
        }
    }

    @Test
    void aReplaceKilledAnywhereLeavesTheOldTargetOrTheNewOne() throws Exception {
        List<String> expected = sortedCanonical("json:" + source);
        Path target = dir.resolve("target.json");
        StoreContents.create("json:" + target, SampleSessions.minskyList(10, 99));
        byte[] old = Files.readAllBytes(target);
        List<String> args = harness.migrate("json:" + target, "--mode", "replace");
        long fullRun = harness.measure(args);

        List<Long> points = harness.killPoints(fullRun, 6);
        for (int kill = 0; kill < points.size(); kill++) {
            Files.write(target, old);
            harness.killAfter(args, points.get(kill));

            harness.assertSourceUnchanged();
            assertOldOrHolding(target, old, expected);
            rerun(args);
            assertThat(sortedCanonical("json:" + target)).isEqualTo(expected);
            KillHarness.assertNothingStagedBeside(target);
        }
    }

    @Test
    void aConsolidationKilledAnywhereLeavesNoTargetOrACompleteOneAndARerunFinishesIt() throws Exception {
        Path second = dir.resolve("second.json");
        Path third = dir.resolve("third.json");
        StoreContents.create("json:" + second, changed(SampleSessions.minskyList(KillHarness.RECORDS / 2, 11), "2026-02-01T00:00:00Z"));
        StoreContents.create("json:" + third, SampleSessions.minskyList(KillHarness.RECORDS / 2, 12));
        Map<String, byte[]> otherSources = Map.of("second", Files.readAllBytes(second), "third", Files.readAllBytes(third));
        long fullRun = harness.measure(consolidate(second, third, dir.resolve("reference.json")));
        List<String> expected = sortedCanonical("json:" + dir.resolve("reference.json"));

        List<Long> points = harness.killPoints(fullRun, 6);
        for (int kill = 0; kill < points.size(); kill++) {
            Path target = dir.resolve("target-" + kill + ".json");
            List<String> args = consolidate(second, third, target);
            harness.killAfter(args, points.get(kill));

            harness.assertSourceUnchanged();
            assertThat(Files.readAllBytes(second)).isEqualTo(otherSources.get("second"));
            assertThat(Files.readAllBytes(third)).isEqualTo(otherSources.get("third"));
            assertAbsentOrHolding(target, expected);
            rerun(args);
            assertThat(sortedCanonical("json:" + target)).isEqualTo(expected);
            KillHarness.assertNothingStagedBeside(target);
        }
    }

    @Test
    void anUndoKilledAnywhereLeavesTheMigratedTargetOrTheRestoredOne() throws Exception {
        Path target = dir.resolve("target.json");
        StoreContents.create("json:" + target, SampleSessions.minskyList(10, 99));
        byte[] old = Files.readAllBytes(target);
        List<String> migrated = sortedCanonical("json:" + source);
        List<String> replace = harness.migrate("json:" + target, "--mode", "replace");
        rerun(replace);
        long fullRun = harness.measure(List.of("undo", latestBackup(), "--backup-dir", journal));

        List<Long> points = harness.killPoints(fullRun, 4);
        for (int kill = 0; kill < points.size(); kill++) {
            rerun(replace);
            List<String> undo = List.of("undo", latestBackup(), "--backup-dir", journal);
            harness.killAfter(undo, points.get(kill));

            harness.assertSourceUnchanged();
            assertOldOrHolding(target, old, migrated);
            rerun(undo);
            assertThat(Files.readAllBytes(target)).isEqualTo(old);
        }
    }

    private List<String> consolidate(Path second, Path third, Path target) {
        return List.of("consolidate", "json:" + source, "json:" + second, "json:" + third, "--into", "json:" + target,
                "--on-conflict", "newest", "--backup-dir", journal);
    }

    private static List<SessionRecord> changed(List<SessionRecord> records, String lastActivity) {
        return records.stream().map(record -> record.key().endsWith("0") ? record.with("lastActivityAt", lastActivity) : record).toList();
    }

    /** The newest backup that undo has not restored yet: the one the last replace took. */
    private String latestBackup() {
        return new BackupJournal(Path.of(journal)).latestNotRestored().map(Backup::id).orElseThrow();
    }

    private void assertAbsentOrHolding(Path target, List<String> expected) {
        if (Files.exists(target)) {
            assertThat(sortedCanonical("json:" + target)).isEqualTo(expected);
            harness.noteOutcome("complete");
        } else {
            harness.noteOutcome(Files.exists(Staging.beside(target)) ? "absent, staging left" : "absent");
        }
    }

    private void assertOldOrHolding(Path target, byte[] old, List<String> expected) throws IOException {
        if (Arrays.equals(Files.readAllBytes(target), old)) {
            harness.noteOutcome("old");
        } else {
            assertThat(sortedCanonical("json:" + target)).isEqualTo(expected);
            harness.noteOutcome("complete");
        }
    }

    @AfterEach
    void printWhereTheKillsLanded(TestInfo test) {
        System.out.println(test.getDisplayName() + ": kills left " + harness.summary());
    }
}
