package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.job.StoreContents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code consolidate --keep SESSION=SOURCE}: the command line's "Keep" for one conflict, as the wizard's Conflicts page has it. */
class ConsolidateKeepTest {

    @TempDir
    Path dir;

    private Path a;
    private Path b;
    private Path target;

    @BeforeEach
    void stores() throws Exception {
        a = Files.writeString(dir.resolve("a.json"), "[{\"session\":\"s1\",\"branch\":\"a\",\"lastActivityAt\":\"2025-01-01T00:00:00Z\"},"
                + "{\"session\":\"s2\",\"branch\":\"same\"},{\"session\":\"s4\",\"branch\":\"a\",\"lastActivityAt\":\"2025-01-01T00:00:00Z\"}]");
        b = Files.writeString(dir.resolve("b.json"), "[{\"session\":\"s1\",\"branch\":\"b\",\"lastActivityAt\":\"2026-01-01T00:00:00Z\"},"
                + "{\"session\":\"s2\",\"branch\":\"same\"}]");
        target = Files.writeString(dir.resolve("target.json"), "[{\"session\":\"s1\",\"branch\":\"t\",\"lastActivityAt\":\"2024-01-01T00:00:00Z\"},"
                + "{\"session\":\"s3\",\"branch\":\"t\"},{\"session\":\"s4\",\"branch\":\"t\",\"lastActivityAt\":\"2024-01-01T00:00:00Z\"}]");
    }

    private CliRun consolidate(String... more) {
        List<String> args = new ArrayList<>(List.of("consolidate", "json:" + a, "json:" + b, "--into", "json:" + target, "--mode", "merge",
                "--backup-dir", dir.resolve("journal").toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private String branchInTarget(String session) {
        return StoreContents.records("json:" + target).stream().filter(record -> record.key().equals(session)).findFirst()
                .flatMap(SessionRecord::branch).orElseThrow();
    }

    @Test
    void aSourceNumberKeepsThatSourcesVersionOverThePolicy() {
        CliRun dryRun = consolidate("--keep", "s1=1", "--dry-run");
        CliRun run = consolidate("--keep", "s1=1");

        assertThat(dryRun.out()).contains("conflict on s1 (sources 1, 2, target): chosen: kept the version from source 1");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(branchInTarget("s1")).isEqualTo("a");
        assertThat(branchInTarget("s4")).as("the policy still settles the rest: newest").isEqualTo("a");
    }

    @Test
    void targetKeepsTheTargetsOwnVersionThoughASourcesIsNewer() {
        CliRun run = consolidate("--keep", "s1=target");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("conflict on s1 (sources 1, 2, target): chosen: kept the version in the target; no source's version is written");
        assertThat(branchInTarget("s1")).isEqualTo("t");
    }

    @Test
    void aSourceThatIsNotListedOrNotANumberIsRefusedBeforeAnythingIsRead() throws Exception {
        String before = Files.readString(target);

        CliRun noSuchSource = consolidate("--keep", "s1=3");
        CliRun notASource = consolidate("--keep", "s1=b.json");
        CliRun noSource = consolidate("--keep", "s1");
        CliRun twice = consolidate("--keep", "s1=1", "--keep", "s1=2");

        assertThat(noSuchSource.exitCode()).isEqualTo(2);
        assertThat(noSuchSource.err()).startsWith("sessiondb consolidate: --keep s1=3: there is no source 3; the sources are numbered 1 to 2 in the order"
                + " given (or target, with --mode merge)");
        assertThat(notASource.err()).contains("--keep s1=b.json: 'b.json' is not a source; the sources are numbered 1 to 2");
        assertThat(noSource.err()).contains("--keep s1: give a session and a source, as in --keep task#008=2");
        assertThat(twice.err()).contains("--keep s1=2: another --keep already chose a version of s1");
        assertThat(Files.readString(target)).isEqualTo(before);
    }

    @Test
    void theTargetsVersionIsRefusedWithoutMerge() {
        CliRun run = CliRun.of("consolidate", "json:" + a, "json:" + b, "--into", "json:" + dir.resolve("new.json"), "--keep", "s1=target",
                "--backup-dir", dir.resolve("journal").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--keep s1=target: the target's own version takes part only with --mode merge");
        assertThat(dir.resolve("new.json")).doesNotExist();
    }

    @Test
    void aSessionThatIsNoConflictOrASourceWithoutAVersionIsRefusedByThePlan() throws Exception {
        String before = Files.readString(target);

        CliRun same = consolidate("--keep", "s2=1");
        CliRun unknown = consolidate("--keep", "nope=1", "--dry-run");
        CliRun notHeld = consolidate("--keep", "s4=2");

        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.err()).contains("a version from source 1 was chosen for s2, which is no conflict (the plan lists every conflict; a session"
                + " whose versions are all the same, or that one store alone holds, has none); give --keep only for a conflict the dry run lists");
        assertThat(unknown.out()).contains("Would refuse: a version from source 1 was chosen for nope, which is no conflict");
        assertThat(notHeld.exitCode()).isEqualTo(2);
        assertThat(notHeld.err()).contains("a version from source 2 was chosen for s4, but source 2 holds no version of it (sources 1, target);"
                + " give --keep one of the sources the conflict's line names");
        assertThat(Files.readString(target)).isEqualTo(before);
    }

    @Test
    void underFailEveryConflictNeedsAKeep() {
        CliRun partly = consolidate("--on-conflict", "fail", "--keep", "s1=2");
        CliRun fully = consolidate("--on-conflict", "fail", "--keep", "s1=2", "--keep", "s4=target");

        assertThat(partly.exitCode()).isEqualTo(2);
        assertThat(partly.err()).contains("1 sessions differ between sources or from the target's own version and no version was chosen for them,"
                + " first s4", "(--keep SESSION=SOURCE and --on-conflict on the command line)");
        assertThat(fully.exitCode()).as(fully.out() + fully.err()).isZero();
        assertThat(branchInTarget("s1")).isEqualTo("b");
        assertThat(branchInTarget("s4")).isEqualTo("t");
    }

    @Test
    void helpDescribesKeep() {
        String help = CliRun.of("consolidate", "--help").out().replaceAll("\\s+", " ");

        assertThat(help).contains("[--keep=SESSION=SOURCE]...", "SOURCE is a source's number as the plan's conflict lines give it (1 for the first"
                + " SOURCE above) or target (the target's own version, with --mode merge). Repeatable;");
    }
}
