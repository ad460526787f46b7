package dev.sessiondb.cli;

import dev.sessiondb.job.ProgressTracker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine;

/**
 * Draws a job's progress as a terminal bar on stderr, one bar per phase: only when stderr is a terminal and the command
 * was not asked for {@code --format json}, whose stderr holds JSON lines only (README, scripting).
 */
final class TerminalProgress implements Consumer<ProgressTracker.Snapshot>, AutoCloseable {

    /**
     * After the bar while its total is estimated from the bytes read of a file's size (no bar says "?" of a JSON file);
     * the bar writes it right after its rate, hence the space.
     */
    static final String ESTIMATED = " (estimated)";

    private final PrintStream stream = System.err;
    private final boolean draws;
    private ProgressBar bar;
    private String phase;

    /** For the command {@code line} runs. */
    TerminalProgress(CommandLine line) {
        this.draws = stderrIsTerminal() && !FailureReport.of(line).json();
    }

    /** Whether this bar is drawn: a tracker should report to it. */
    boolean draws() {
        return draws;
    }

    /** A monitor that draws on this bar when it {@link #draws}: for commands that are not jobs (diff, validate). */
    ProgressTracker tracker(String phase) {
        ProgressTracker tracker = new ProgressTracker();
        if (draws) {
            tracker.addListener(this);
        }
        tracker.message(phase);
        return tracker;
    }

    /**
     * Only a terminal gets a bar: a pipe or a log file would fill with carriage returns and colour codes. Java sees
     * whether its input and output are a terminal ({@link System#console}), not its error stream: {@code 2>file} at a
     * terminal still has a console, so where the system names what descriptor 2 is ({@code /proc}), that decides.
     */
    private static boolean stderrIsTerminal() {
        return System.console() != null && STDERR.map(TerminalProgress::isTerminalDevice).orElse(true);
    }

    private static final Optional<Path> STDERR = Optional.of(Path.of("/proc/self/fd/2")).filter(Files::exists);

    private static boolean isTerminalDevice(Path descriptor) {
        try {
            String device = Files.readSymbolicLink(descriptor).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return true; // as the console says
        }
    }

    @Override
    public synchronized void accept(ProgressTracker.Snapshot snapshot) {
        if (bar == null || !snapshot.phase().equals(phase)) {
            close();
            phase = snapshot.phase();
            bar = new ProgressBarBuilder().setTaskName(phase).setInitialMax(snapshot.total())
                    .setConsumer(new ConsoleProgressBarConsumer(stream)).setUnit(" records", 1).showSpeed().build();
        }
        bar.maxHint(snapshot.total());
        bar.setExtraMessage(snapshot.totalEstimated() ? ESTIMATED : "");
        bar.stepTo(snapshot.done());
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
