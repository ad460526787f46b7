package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.cli.CliRun;
import dev.sessiondb.sample.SampleSessions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the kill tests share: a source store large enough that kills land mid-write, a child
 * JVM to kill, kill points spread over a measured full run, and the checks after each kill.
 */
final class KillHarness {

    static final int RECORDS = 8000;

    final Path source;
    final String journal;
    private final ChildJvm child;
    private final Random random = new Random(20261122);
    private final Map<String, byte[]> sourceBytes;

    KillHarness(Path dir) {
        child = new ChildJvm(dir.resolve("home"));
        source = dir.resolve("source.json");
        StoreContents.create("json:" + source, SampleSessions.minskyList(RECORDS, 11));
        sourceBytes = StoreContents.bytes(source);
        journal = dir.resolve("journal").toString();
    }

    List<String> migrate(String target, String... options) {
        List<String> args = new ArrayList<>(List.of("migrate", "json:" + source, target, "--backup-dir", journal));
        args.addAll(List.of(options));
        return args;
    }

    /** Runs the command to its end in a child JVM and returns how long that took. */
    long measure(List<String> args) throws InterruptedException {
        long[] result = child.runToEnd(args);
        assertThat(result[0]).as("a full run of " + args).isZero();
        return result[1];
    }

    /** Kills the command at a random point of a full run, from JVM start to the end, so kills land in every phase alike. */
    void killSomewhereIn(List<String> args, long fullRunMillis) throws InterruptedException {
        child.killAfter(args, 1 + (long) (random.nextDouble() * fullRunMillis));
    }

    static void rerun(List<String> args) {
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as("re-run of %s: %s", args, run.err()).isZero();
    }

    void assertSourceUnchanged() {
        Map<String, byte[]> now = StoreContents.bytes(source);
        assertThat(now).containsOnlyKeys(sourceBytes.keySet());
        assertThat(now.get("")).isEqualTo(sourceBytes.get(""));
    }

    static List<String> sortedCanonical(String locator) {
        return StoreContents.canonical(StoreContents.records(locator)).stream().sorted().toList();
    }
}
