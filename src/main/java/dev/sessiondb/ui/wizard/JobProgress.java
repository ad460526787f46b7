package dev.sessiondb.ui.wizard;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.job.ProgressTracker;
import dev.sessiondb.ui.jobs.ProgressText;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A running job as its wizard shows it: how far it is ("22,357 of 60,000 · 15,318/s · about
 * 2 s left") and the wizard's own Cancel. It wraps the jobs panel's monitor, so the panel keeps
 * its bar and either Cancel stops the job (which rolls back what it wrote).
 */
public final class JobProgress {

    private static final long UPDATE_INTERVAL_NANOS = 200_000_000L;

    private final Executor uiThread;
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private volatile boolean cancelAsked;

    /** @param uiThread where the properties change: the JavaFX thread in the app, the calling thread in tests */
    public JobProgress(Executor uiThread) {
        this.uiThread = uiThread;
    }

    /** Done as a fraction of the total, -1 while unknown. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** The phase, or how far, how fast and how long still. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public void cancel() {
        cancelAsked = true;
    }

    /** A monitor for one run: progress starts afresh and cancel unasked. */
    public ProgressMonitor around(ProgressMonitor panel) {
        cancelAsked = false;
        show(-1, "");
        ProgressTracker tracker = new ProgressTracker();
        return new ProgressMonitor() {
            private long lastUpdate;

            @Override
            public void progress(long done, long total) {
                panel.progress(done, total);
                tracker.progress(done, total);
                long now = System.nanoTime();
                if (now - lastUpdate >= UPDATE_INTERVAL_NANOS || done == total) {
                    lastUpdate = now;
                    show(total > 0 ? (double) done / total : -1, ProgressText.describe(tracker.snapshot()));
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelAsked || panel.isCancelled();
            }

            @Override
            public void message(String phase) {
                panel.message(phase);
                tracker.message(phase);
                show(-1, phase);
            }
        };
    }

    private void show(double done, String line) {
        uiThread.execute(() -> {
            fraction.set(done);
            text.set(line);
        });
    }
}
