package dev.sessiondb.cli;

import dev.sessiondb.job.ProgressTracker;
import java.io.PrintStream;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** Draws a job's progress as a terminal bar on stderr, one bar per phase. */
final class TerminalProgress implements Consumer<ProgressTracker.Snapshot>, AutoCloseable {

    private final PrintStream stream;
    private ProgressBar bar;
    private String phase;

    TerminalProgress(PrintStream stream) {
        this.stream = stream;
    }

    /** A monitor that draws on this bar when stderr is a terminal: for commands that are not jobs (diff, validate). */
    ProgressTracker tracker(String phase) {
        ProgressTracker tracker = new ProgressTracker();
        if (stderrIsTerminal()) {
            tracker.addListener(this);
        }
        tracker.message(phase);
        return tracker;
    }

    /** Only a terminal gets a bar: a pipe or a log file would fill with carriage returns. */
    static boolean stderrIsTerminal() {
        return System.console() != null;
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
