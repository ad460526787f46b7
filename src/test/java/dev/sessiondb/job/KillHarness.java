package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.cli.CliRun;
import dev.sessiondb.sample.SampleSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

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
    private final Map<String, Integer> outcomes = new TreeMap<>();

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

    /**
     * Random kill points over a full run, from JVM start to the end: one in each of {@code kills}
     * equal slices, so startup, planning, writing and verifying all get some.
     */
    List<Long> killPoints(long fullRunMillis, int kills) {
        List<Long> points = new ArrayList<>();
        for (int slice = 0; slice < kills; slice++) {
            points.add(1 + (long) ((slice + random.nextDouble()) / kills * fullRunMillis));
        }
        return points;
    }

    void killAfter(List<String> args, long millis) throws InterruptedException {
        child.killAfter(args, millis);
    }

    int terminateAfter(List<String> args, long millis) throws InterruptedException {
        return child.terminateAfter(args, millis);
    }

    /** Notes where a kill left the target ("absent", "staged", "old", "complete"), for the summary the suite prints. */
    void noteOutcome(String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    /** Where the kills landed, by what they left behind; printed, never asserted, since it depends on timing. */
    String summary() {
        return outcomes.toString();
    }

    static void rerun(List<String> args) {
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as("re-run of %s: %s", args, run.err()).isZero();
    }

    /** After a re-run, nothing a killed run staged beside the target is left behind. */
    static void assertNothingStagedBeside(Path target) {
        try (var siblings = Files.list(target.toAbsolutePath().getParent())) {
            assertThat(siblings.map(path -> path.getFileName().toString()))
                    // the staged file, its side files and the temp files beside it (the SQLite search index's side build)
                    .noneMatch(name -> name.contains("." + target.getFileName() + ".sessiondb-staging"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
