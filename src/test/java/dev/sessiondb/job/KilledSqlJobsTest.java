package dev.sessiondb.job;

import static dev.sessiondb.job.KillHarness.rerun;
import static dev.sessiondb.job.KillHarness.sortedCanonical;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
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

    @Test
    void aMigrationToANewSqliteFileKilledAnywhereLeavesNoFileOrACompleteOne() throws Exception {
        long fullRun = harness.measure(harness.migrate("sqlite:" + dir.resolve("reference.db")));

        for (int kill = 0; kill < 5; kill++) {
            Path target = dir.resolve("target-" + kill + ".db");
            List<String> args = harness.migrate("sqlite:" + target);
            harness.killSomewhereIn(args, fullRun);

            harness.assertSourceUnchanged();
            if (Files.exists(target)) {
                assertThat(sortedCanonical("sqlite:" + target)).isEqualTo(expected);
            }
            rerun(args);
            assertThat(sortedCanonical("sqlite:" + target)).isEqualTo(expected);
        }
    }

    @Test
    void aReplaceOfASqliteStoreKilledAnywhereLeavesTheOldRecordsOrTheNewOnes() throws Exception {
        String target = "sqlite:" + dir.resolve("target.db");
        List<String> old = StoreContents.canonical(SampleSessions.minskyList(10, 99)).stream().sorted().toList();
        List<String> args = harness.migrate(target, "--mode", "replace");
        StoreContents.create(target, SampleSessions.minskyList(10, 99));
        long fullRun = harness.measure(args);

        for (int kill = 0; kill < 4; kill++) {
            StoreContents.create(target, SampleSessions.minskyList(10, 99));
            harness.killSomewhereIn(args, fullRun);

            harness.assertSourceUnchanged();
            assertThat(sortedCanonical(target)).isIn(old, expected);
            rerun(args);
            assertThat(sortedCanonical(target)).isEqualTo(expected);
        }
    }

    @Test
    void aMigrationToPostgresKilledAnywhereLeavesNoRecordsOrAllOfThem() throws Exception {
        long fullRun = harness.measure(harness.migrate(TestPostgres.get().freshSchema().display()));

        for (int kill = 0; kill < 3; kill++) {
            StoreLocator target = TestPostgres.get().freshSchema();
            List<String> args = harness.migrate(target.display());
            harness.killSomewhereIn(args, fullRun);

            harness.assertSourceUnchanged();
            if (StoreProbe.exists(target)) {
                assertThat(sortedCanonical(target.display())).isIn(List.of(), expected);
            }
            rerun(args);
            assertThat(sortedCanonical(target.display())).isEqualTo(expected);
        }
    }
}
