package dev.sessiondb.ui.jobs;

import java.time.Duration;

/** The line under a job's progress bar: how far, how fast, how long still ("1,234 of 10,000 · 512/s · about 17 s left"). */
public final class ProgressText {

    private ProgressText() {
    }

    public static String describe(long done, long total, long elapsedNanos) {
        StringBuilder text = new StringBuilder(String.format("%,d", done));
        if (total >= 0) {
            text.append(String.format(" of %,d", total));
        }
        double seconds = elapsedNanos / 1e9;
        if (seconds >= 0.5 && done > 0) {
            double rate = done / seconds;
            text.append(String.format(" · %,.0f/s", rate));
            if (total > done) {
                text.append(" · about ").append(duration(Duration.ofSeconds(Math.round((total - done) / rate)))).append(" left");
            }
        }
        return text.toString();
    }

    static String duration(Duration left) {
        long seconds = left.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format("%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format("%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
