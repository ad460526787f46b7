package dev.sessiondb.ui.jobs;

import dev.sessiondb.job.ProgressTracker;
import java.time.Duration;

/**
 * The line under a job's progress bar: what the job is doing, how far, how fast, how long still
 * ("Writing target: 1,234 of 10,000 · 512/s · about 17 s left"; "of about 10,000" while a JSON file's count is estimated
 * from the bytes read of its size), from the rate and ETA
 * {@link ProgressTracker} computed, the same numbers the CLI's bar shows. The phase is named
 * because a job counts again in each one (its verification reads every session a second time).
 */
public final class ProgressText {

    private ProgressText() {
    }

    /**
     * A cancel asked for is said at once: "cancelling …" while the job can still stop, and once its write
     * is done that the job finishes, so nobody reads the stop as "nothing was written".
     */
    public static String describe(ProgressTracker.Snapshot progress) {
        String line = progressLine(progress);
        if (!progress.cancelRequested()) {
            return line;
        }
        if (progress.pastCancel()) {
            return "The write is done, so cancel no longer stops the job; it finishes" + (line.isEmpty() ? "" : ": " + line);
        }
        return line.isEmpty() ? "Cancelling …" : line + " · cancelling …";
    }

    private static String progressLine(ProgressTracker.Snapshot progress) {
        String phase = progress.phase().equals(ProgressTracker.STARTING) ? "" : capitalised(progress.phase());
        if (progress.done() == 0 && progress.total() < 0) {
            return phase;
        }
        StringBuilder text = new StringBuilder(phase.isEmpty() ? "" : phase + ": ").append(String.format("%,d", progress.done()));
        if (progress.total() >= 0) {
            text.append(String.format(progress.totalEstimated() ? " of about %,d" : " of %,d", progress.total()));
        }
        // the first half second's rate says little
        if (progress.elapsed().toMillis() >= 500 && progress.ratePerSecond() > 0) {
            text.append(String.format(" · %,.0f/s", progress.ratePerSecond()));
            progress.eta().filter(left -> progress.total() > progress.done())
                    .ifPresent(left -> text.append(" · about ").append(duration(left)).append(" left"));
        }
        return text.toString();
    }

    private static String capitalised(String phase) {
        return phase.isEmpty() ? phase : Character.toUpperCase(phase.charAt(0)) + phase.substring(1);
    }

    /** Rounded up: "about 1 s left" with 1.8 s to go would promise too much. */
    static String duration(Duration left) {
        long seconds = left.plusNanos(999_999_999).toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format("%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format("%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
