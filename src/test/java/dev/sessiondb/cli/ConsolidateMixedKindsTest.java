package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An audit found {@code consolidate} of a Minsky store and a magellai one put both kinds of session in one store without a word. */
class ConsolidateMixedKindsTest {

    private static final String MIXED = "the target will mix kinds of session: 217 Minsky sessions, 1 magellai session;";

    @TempDir
    Path dir;

    @Test
    void thePlanWarnsThatTheTargetWillMixKindsNamingEachAndHowManyAndTheRunStillWrites() throws Exception {
        String minsky = "json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        Path magellai = Files.createDirectories(dir.resolve("magellai"));
        Fixtures.copy("/fixtures/magellai/20250601-quick-question.json", magellai);
        Path target = dir.resolve("all.db");

        CliRun plan = CliRun.of("consolidate", minsky, "jsondir:" + magellai, "--into", "sqlite:" + target, "--dry-run");
        CliRun run = CliRun.of("consolidate", minsky, "jsondir:" + magellai, "--into", "sqlite:" + target, "--backup-dir", dir.resolve("journal").toString());

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("warning: " + MIXED);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(MIXED, "records verified:                  218");
    }

    @Test
    void oneKindOfSessionGetsNoWarning() {
        String minsky = "json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        String backup = "json:" + Fixtures.copy(Fixtures.MINSKY_BACKUP, dir);

        CliRun plan = CliRun.of("consolidate", minsky, backup, "--into", "sqlite:" + dir.resolve("all.db"), "--dry-run");

        assertThat(plan.out() + plan.err()).contains("Dry run").doesNotContain("mix kinds");
    }
}
