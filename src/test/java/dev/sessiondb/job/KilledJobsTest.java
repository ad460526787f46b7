package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.cli.CliRun;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs killed like kill -9 (destroyForcibly on a child JVM) at random points: every store
 * still opens, the sources are unchanged byte for byte, the target is either untouched or
 * complete, and running the job again finishes it. Kill points are spread over a measured
 * full run; nothing asserts on time.
 */
class KilledJobsTest {

    private static final int RECORDS = 8000;

    @TempDir
    Path dir;

    private final Random random = new Random(20261122);
    private ChildJvm child;
    private Path source;
    private Map<String, byte[]> sourceBytes;
    private String journal;

    @BeforeEach
    void createSource() {
        child = new ChildJvm(dir.resolve("home"));
        source = dir.resolve("source.json");
        StoreContents.create("json:" + source, SampleSessions.minskyList(RECORDS, 11));
        sourceBytes = StoreContents.bytes(source);
        journal = dir.resolve("journal").toString();
    }

    @Test
    void aMigrationKilledAnywhereLeavesNoTargetOrACompleteOneAndARerunFinishesIt() throws Exception {
        List<String> expected = sortedCanonical("json:" + source);
        long fullRun = measure(migrate("json:" + dir.resolve("reference.json")));

        for (int kill = 0; kill < 8; kill++) {
            Path target = dir.resolve("target-" + kill + ".json");
            List<String> args = migrate("json:" + target);
            child.killAfter(args, randomPoint(fullRun));

            assertSourceUnchanged();
            assertAbsentOrHolding(target, expected);
            rerun(args);
            assertThat(sortedCanonical("json:" + target)).isEqualTo(expected);
        }
    }

    @Test
    void aReplaceKilledAnywhereLeavesTheOldTargetOrTheNewOne() throws Exception {
        List<String> expected = sortedCanonical("json:" + source);
        Path target = dir.resolve("target.json");
        StoreContents.create("json:" + target, SampleSessions.minskyList(10, 99));
        byte[] old = Files.readAllBytes(target);
        List<String> args = withMode(migrate("json:" + target), "replace");
        long fullRun = measure(args);

        for (int kill = 0; kill < 6; kill++) {
            Files.write(target, old);
            child.killAfter(args, randomPoint(fullRun));

            assertSourceUnchanged();
            if (!java.util.Arrays.equals(Files.readAllBytes(target), old)) {
                assertThat(sortedCanonical("json:" + target)).isEqualTo(expected);
            }
            rerun(args);
            assertThat(sortedCanonical("json:" + target)).isEqualTo(expected);
        }
    }

    @Test
    void aConsolidationKilledAnywhereLeavesNoTargetOrACompleteOneAndARerunFinishesIt() throws Exception {
        Path second = dir.resolve("second.json");
        Path third = dir.resolve("third.json");
        StoreContents.create("json:" + second, changed(SampleSessions.minskyList(RECORDS / 2, 11), "2026-02-01T00:00:00Z"));
        StoreContents.create("json:" + third, SampleSessions.minskyList(RECORDS / 2, 12));
        Map<String, byte[]> otherSources = Map.of("second", Files.readAllBytes(second), "third", Files.readAllBytes(third));
        long fullRun = measure(consolidate(second, third, dir.resolve("reference.json")));
        List<String> expected = sortedCanonical("json:" + dir.resolve("reference.json"));

        for (int kill = 0; kill < 6; kill++) {
            Path target = dir.resolve("target-" + kill + ".json");
            List<String> args = consolidate(second, third, target);
            child.killAfter(args, randomPoint(fullRun));

            assertSourceUnchanged();
            assertThat(Files.readAllBytes(second)).isEqualTo(otherSources.get("second"));
            assertThat(Files.readAllBytes(third)).isEqualTo(otherSources.get("third"));
            assertAbsentOrHolding(target, expected);
            rerun(args);
            assertThat(sortedCanonical("json:" + target)).isEqualTo(expected);
        }
    }

    @Test
    void anUndoKilledAnywhereLeavesTheMigratedTargetOrTheRestoredOne() throws Exception {
        Path target = dir.resolve("target.json");
        StoreContents.create("json:" + target, SampleSessions.minskyList(10, 99));
        byte[] old = Files.readAllBytes(target);
        List<String> migrated = sortedCanonical("json:" + source);
        List<String> replace = withMode(migrate("json:" + target), "replace");
        rerun(replace);
        long fullRun = measure(List.of("undo", latestBackup(), "--backup-dir", journal));

        for (int kill = 0; kill < 4; kill++) {
            rerun(replace);
            List<String> undo = List.of("undo", latestBackup(), "--backup-dir", journal);
            child.killAfter(undo, randomPoint(fullRun));

            assertSourceUnchanged();
            if (!java.util.Arrays.equals(Files.readAllBytes(target), old)) {
                assertThat(sortedCanonical("json:" + target)).isEqualTo(migrated);
            }
            rerun(undo);
            assertThat(Files.readAllBytes(target)).isEqualTo(old);
        }
    }

    private List<String> migrate(String target) {
        return new ArrayList<>(List.of("migrate", "json:" + source, target, "--backup-dir", journal));
    }

    private List<String> consolidate(Path second, Path third, Path target) {
        return List.of("consolidate", "json:" + source, "json:" + second, "json:" + third, "--into", "json:" + target,
                "--on-conflict", "newest", "--backup-dir", journal);
    }

    private static List<String> withMode(List<String> args, String mode) {
        List<String> withMode = new ArrayList<>(args);
        withMode.addAll(List.of("--mode", mode));
        return withMode;
    }

    private static List<SessionRecord> changed(List<SessionRecord> records, String lastActivity) {
        return records.stream().map(record -> record.key().endsWith("0") ? record.with("lastActivityAt", lastActivity) : record).toList();
    }

    /** The newest backup that undo has not restored yet: the one the last replace took. */
    private String latestBackup() {
        return new BackupJournal(Path.of(journal)).latestNotRestored().map(Backup::id).orElseThrow();
    }

    private long measure(List<String> args) throws InterruptedException {
        long[] result = child.runToEnd(args);
        assertThat(result[0]).as("a full run of " + args).isZero();
        return result[1];
    }

    /** A point in a full run, from JVM start to the end, so kills land in startup, planning, writing and verifying alike. */
    private long randomPoint(long fullRunMillis) {
        return 1 + (long) (random.nextDouble() * fullRunMillis);
    }

    private static void rerun(List<String> args) {
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as("re-run of %s: %s", args, run.err()).isZero();
    }

    private void assertSourceUnchanged() {
        assertThat(StoreContents.bytes(source)).containsOnlyKeys(sourceBytes.keySet());
        assertThat(StoreContents.bytes(source).get("")).isEqualTo(sourceBytes.get(""));
    }

    private static void assertAbsentOrHolding(Path target, List<String> expected) {
        if (Files.exists(target)) {
            assertThat(sortedCanonical("json:" + target)).isEqualTo(expected);
        }
    }

    private static List<String> sortedCanonical(String locator) {
        return StoreContents.canonical(StoreContents.records(locator)).stream().sorted().toList();
    }
}
