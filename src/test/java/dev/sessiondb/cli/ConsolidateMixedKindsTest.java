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
    void aMergeIntoATargetHoldingAnotherKindWarnsCountingTheTargetsOwnSessions() {
        assertThat(planMinskyIntoChatSessions("merge")).contains("warning: the target will mix kinds of session: 217 Minsky sessions,"
                + " 3 chat server sessions (the target's own: 3 chat server sessions);");
    }

    @Test
    void aReplaceCountsNotTheTargetsSessionsItRemoves() {
        assertThat(planMinskyIntoChatSessions("replace")).contains("target records removed:            3").doesNotContain("mix kinds");
    }

    private String planMinskyIntoChatSessions(String mode) {
        return dryRunOfMinskyIntoChatSessions(dir, "consolidate", mode);
    }

    /** The dry run's output of consolidating or migrating ({@code job}) the Minsky fixture into a store holding 3 chat server sessions. */
    static String dryRunOfMinskyIntoChatSessions(Path dir, String job, String mode) {
        String minsky = "json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        String chat = "json:" + dir.resolve("chat.json");
        CliRun sample = CliRun.of("sample", "--kind", "chat", "--count", "3", chat);
        assertThat(sample.exitCode()).as(sample.err()).isZero();

        CliRun plan = job.equals("migrate") ? CliRun.of("migrate", minsky, chat, "--mode", mode, "--dry-run")
                : CliRun.of(job, minsky, "--into", chat, "--mode", mode, "--dry-run");

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        return plan.out();
    }

    @Test
    void oneKindOfSessionGetsNoWarning() {
        String minsky = "json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, dir);
        String backup = "json:" + Fixtures.copy(Fixtures.MINSKY_BACKUP, dir);

        CliRun plan = CliRun.of("consolidate", minsky, backup, "--into", "sqlite:" + dir.resolve("all.db"), "--dry-run");

        assertThat(plan.out() + plan.err()).contains("Dry run").doesNotContain("mix kinds");
    }
}
