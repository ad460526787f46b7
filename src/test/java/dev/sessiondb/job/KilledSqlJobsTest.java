package dev.sessiondb.job;

import static dev.sessiondb.job.KillHarness.rerun;
import static dev.sessiondb.job.KillHarness.sortedCanonical;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.files.Staging;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations into real SQLite files and a real PostgreSQL killed like kill -9 at random points. */
class KilledSqlJobsTest {

    @TempDir
    Path dir;

    private KillHarness harness;
    private List<String> expected;

    @BeforeEach
    void createSource() {
        harness = new KillHarness(dir);
        expected = sortedCanonical("json:" + harness.source);
    }

    @AfterEach
    void printWhereTheKillsLanded(TestInfo test) {
        System.out.println(test.getDisplayName() + ": kills left " + harness.summary());
    }

    @Test
    void aMigrationToANewSqliteFileKilledAnywhereLeavesNoFileOrACompleteOne() throws Exception {
        long fullRun = harness.measure(harness.migrate("sqlite:" + dir.resolve("reference.db")));

        List<Long> points = harness.killPoints(fullRun, 5);
        for (int kill = 0; kill < points.size(); kill++) {
            Path target = dir.resolve("target-" + kill + ".db");
            List<String> args = harness.migrate("sqlite:" + target);
            harness.killAfter(args, points.get(kill));

            harness.assertSourceUnchanged();
            if (Files.exists(target)) {
                assertThat(sortedCanonical("sqlite:" + target)).isEqualTo(expected);
                harness.noteOutcome("complete");
            } else {
                harness.noteOutcome(Files.exists(Staging.beside(target)) ? "absent, staging left" : "absent");
            }
            rerun(args);
            assertThat(sortedCanonical("sqlite:" + target)).isEqualTo(expected);
            KillHarness.assertNothingStagedBeside(target);
        }
    }

    @Test
    void aMigrationAskedToStopCancelsCleanlyAndLeavesNothingStaged() throws Exception {
        long fullRun = harness.measure(harness.migrate("sqlite:" + dir.resolve("reference.db")));

        List<Long> points = harness.killPoints(fullRun, 3);
        for (int stop = 0; stop < points.size(); stop++) {
            Path target = dir.resolve("stopped-" + stop + ".db");
            int exitCode = harness.terminateAfter(harness.migrate("sqlite:" + target), points.get(stop));

            harness.assertSourceUnchanged();
            KillHarness.assertNothingStagedBeside(target);
            // the exit code says what the files show: finished (0), or cancelled or stopped before the job began (143, SIGTERM's code either way)
            if (Files.exists(target)) {
                assertThat(sortedCanonical("sqlite:" + target)).isEqualTo(expected);
                assertThat(exitCode).as("a job that finished though asked to stop").isZero();
                harness.noteOutcome("complete, exit " + exitCode);
            } else {
                assertThat(exitCode).as("a job stopped before its target was in place").isEqualTo(143);
                harness.noteOutcome("absent, exit " + exitCode);
            }
        }
    }

    @Test
    void aReplaceOfASqliteStoreKilledAnywhereLeavesTheOldRecordsOrTheNewOnes() throws Exception {
        String target = "sqlite:" + dir.resolve("target.db");
        List<String> old = StoreContents.canonical(SampleSessions.minskyList(10, 99)).stream().sorted().toList();
        List<String> args = harness.migrate(target, "--mode", "replace");
        StoreContents.create(target, SampleSessions.minskyList(10, 99));
        long fullRun = harness.measure(args);

        List<Long> points = harness.killPoints(fullRun, 4);
        for (int kill = 0; kill < points.size(); kill++) {
            StoreContents.create(target, SampleSessions.minskyList(10, 99));
            harness.killAfter(args, points.get(kill));

            harness.assertSourceUnchanged();
            List<String> left = sortedCanonical(target);
            assertThat(left).isIn(old, expected);
            harness.noteOutcome(left.equals(old) ? "old" : "complete");
            rerun(args);
            assertThat(sortedCanonical(target)).isEqualTo(expected);
        }
    }

    @Test
    void aMigrationToPostgresKilledAnywhereLeavesNoRecordsOrAllOfThem() throws Exception {
        long fullRun = harness.measure(harness.migrate(TestPostgres.get().freshSchema().display()));

        List<Long> points = harness.killPoints(fullRun, 3);
        for (int kill = 0; kill < points.size(); kill++) {
            StoreLocator target = TestPostgres.get().freshSchema();
            List<String> args = harness.migrate(target.display());
            harness.killAfter(args, points.get(kill));

            harness.assertSourceUnchanged();
            if (StoreProbe.exists(target)) {
                List<String> left = sortedCanonical(target.display());
                assertThat(left).isIn(List.of(), expected);
                harness.noteOutcome(left.isEmpty() ? "empty schema" : "complete");
            } else {
                harness.noteOutcome("absent");
            }
            rerun(args);
            assertThat(sortedCanonical(target.display())).isEqualTo(expected);
        }
    }
}
