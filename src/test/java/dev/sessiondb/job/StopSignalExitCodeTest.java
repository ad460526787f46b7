package dev.sessiondb.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.plugin.HeldBackupProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A job or an undo asked to stop exits as shells report the signal: 130 after Ctrl-C (SIGINT),
 * 143 after SIGTERM, 129 after SIGHUP (128 + the signal's number); each cancels with nothing
 * changed, and the first signal decides the code whatever follows it. Each child is
 * held in its backup (a {@code held:} store, {@link HeldBackupProvider}) until the signal has
 * cancelled it, so the stop lands at the same point every time.
 */
class StopSignalExitCodeTest {

    @TempDir
    Path dir;

    private ChildJvm child;
    private Path source;
    private Path target;
    private String journal;

    @BeforeEach
    void createStores() {
        child = new ChildJvm(dir.resolve("home"));
        source = dir.resolve("source.json");
        target = dir.resolve("target.json");
        journal = dir.resolve("journal").toString();
        StoreContents.create("json:" + source, SampleSessions.minskyList(20, 11));
        StoreContents.create("json:" + target, SampleSessions.minskyList(5, 99));
    }

    private List<String> migrate() {
        return List.of("migrate", "json:" + source, "held:" + target, "--mode", "replace", "--backup-dir", journal);
    }

    @ParameterizedTest(name = "SIG{0} exits {1}")
    @CsvSource({"TERM, 143", "INT, 130", "HUP, 129"})
    void aMigrationStoppedByASignalExitsWithItsCodeAndChangesNothing(Signal signal, int exitCode) throws Exception {
        byte[] before = Files.readAllBytes(target);

        Stopped stopped = stopWhileHeld(migrate(), signal);

        assertThat(stopped.exitCode()).as(stopped.output()).isEqualTo(exitCode);
        assertThat(stopped.output()).contains("sessiondb: cancelled; nothing was changed");
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
    }

    @ParameterizedTest(name = "SIG{0} exits {1}")
    @CsvSource({"TERM, 143", "INT, 130"})
    void anUndoStoppedByASignalExitsWithItsCodeAndChangesNothing(Signal signal, int exitCode) throws Exception {
        assertThat(child.runToEnd(migrate())[0]).isZero();
        byte[] migrated = Files.readAllBytes(target);

        Stopped stopped = stopWhileHeld(List.of("undo", "--backup-dir", journal), signal);

        assertThat(stopped.exitCode()).as(stopped.output()).isEqualTo(exitCode);
        assertThat(stopped.output()).contains("sessiondb: cancelled; nothing was changed");
        assertThat(Files.readAllBytes(target)).isEqualTo(migrated);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "table | sessiondb: cancelled; nothing was changed",
        "json  | {\"error\":\"cancelled; nothing was changed\",\"exitCode\":130,\"command\":\"undo\",\"todo\":\"nothing was changed\"}"})
    void anUndoStoppedWhileItLooksAtTheStoreSaysSoAndChangesNothing(String format, String said) throws Exception {
        assertThat(child.runToEnd(migrate())[0]).isZero();
        byte[] migrated = Files.readAllBytes(target);

        Stopped stopped = stopBeforeWork(List.of("undo", "--backup-dir", journal, "--format", format), Signal.INT);

        assertThat(stopped.exitCode()).as(stopped.output()).isEqualTo(130);
        assertThat(stopped.output().strip()).isEqualTo(said);
        assertThat(Files.readAllBytes(target)).isEqualTo(migrated);
    }

    @ParameterizedTest(name = "SIG{0} exits {1}")
    @CsvSource({"INT, 130", "TERM, 143"})
    void aReadOnlyCommandStoppedWhileItReadsSaysItWasCancelled(Signal signal, int exitCode) throws Exception {
        Stopped stopped = stopBeforeWork(List.of("ls", "held:" + target), signal);

        assertThat(stopped.exitCode()).as(stopped.output()).isEqualTo(exitCode);
        assertThat(stopped.output().strip()).isEqualTo("sessiondb: cancelled");
    }

    @Test
    void theFirstSignalDecidesTheExitCodeAndLaterOnesDoNotCutTheCancelShort() throws Exception {
        byte[] before = Files.readAllBytes(target);
        Files.createFile(HeldBackupProvider.beside(target, ".hold-after-cancel"));
        Files.createFile(HeldBackupProvider.beside(target, ".hold"));
        Path output = dir.resolve("output.txt");
        Process process = child.start(migrate(), ProcessBuilder.Redirect.to(output.toFile()));
        awaitFile(process, output, HeldBackupProvider.beside(target, ".held"));
        send(Signal.TERM, process);
        awaitFile(process, output, HeldBackupProvider.beside(target, ".cancel-seen"));

        send(Signal.TERM, process);
        send(Signal.INT, process);
        Files.createFile(HeldBackupProvider.beside(target, ".release"));

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the child stopped").isTrue();
        String said = Files.readString(output);
        assertThat(process.exitValue()).as(said).isEqualTo(143);
        assertThat(said).contains("sessiondb: cancelled; nothing was changed");
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
    }

    enum Signal { INT, TERM, HUP }

    private record Stopped(int exitCode, String output) {
    }

    /** Starts the command held in its backup of the target, sends the signal once it is held, and waits for it to end. */
    private Stopped stopWhileHeld(List<String> args, Signal signal) throws Exception {
        Files.createFile(HeldBackupProvider.beside(target, ".hold"));
        Path output = dir.resolve("output.txt");
        Process process = child.start(args, ProcessBuilder.Redirect.to(output.toFile()));
        awaitFile(process, output, HeldBackupProvider.beside(target, ".held"));
        send(signal, process);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the child stopped").isTrue();
        return new Stopped(process.exitValue(), Files.readString(output));
    }

    /** Starts the command held as it first looks at the target, before any job's work, sends the signal then, and waits for it to end. */
    private Stopped stopBeforeWork(List<String> args, Signal signal) throws Exception {
        Files.createFile(HeldBackupProvider.beside(target, ".hold-before-work"));
        Path output = dir.resolve("output.txt");
        Process process = child.start(args, ProcessBuilder.Redirect.to(output.toFile()));
        awaitFile(process, output, HeldBackupProvider.beside(target, ".looking"));
        send(signal, process);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the child stopped").isTrue();
        return new Stopped(process.exitValue(), Files.readString(output));
    }

    /** Waits until the child, held in its backup, writes {@code marker}. */
    private static void awaitFile(Process process, Path output, Path marker) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(marker)) {
            assertThat(process.isAlive()).as("the child wrote " + marker.getFileName() + ": " + Files.readString(output)).isTrue();
            assertThat(System.nanoTime()).as("the child wrote " + marker.getFileName()).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** SIGTERM is what {@link Process#destroy} sends; Ctrl-C's SIGINT and a closed terminal's SIGHUP only kill(1) can. */
    private static void send(Signal signal, Process process) throws Exception {
        if (signal == Signal.TERM) {
            process.destroy();
        } else {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
        }
    }
}
