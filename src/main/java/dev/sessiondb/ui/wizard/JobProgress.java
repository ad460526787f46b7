package dev.sessiondb.ui.wizard;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.job.ProgressTracker;
import dev.sessiondb.ui.jobs.ProgressText;
import dev.sessiondb.ui.jobs.ShownProgress;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A running job as its wizard shows it: what it is doing and how far ("Writing target: 22,357
 * of 60,000 · 15,318/s · about 2 s left"), and the wizard's own Cancel. It listens to the
 * tracker the jobs panel shows, so both show the same numbers, and either Cancel stops the job
 * (which rolls back what it wrote).
 */
public final class JobProgress {

    private final Executor uiThread;
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private volatile ProgressTracker running;

    /** @param uiThread where the properties change: the JavaFX thread in the app, the calling thread in tests */
    public JobProgress(Executor uiThread) {
        this.uiThread = uiThread;
    }

    /** Done as a fraction of the total, -1 while unknown. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** The phase, how far, how fast and how long still. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public void cancel() {
        ProgressTracker job = running;
        if (job != null) {
            job.cancel();
        }
    }

    /** Shows one run's progress from the start; returns the monitor to give the job. */
    public ProgressMonitor follow(ProgressTracker job) {
        running = job;
        show(-1, "");
        ShownProgress shown = new ShownProgress();
        job.addListener(snapshot -> shown.ifDue(snapshot, due -> show(due.fraction(), ProgressText.describe(due))));
        return job;
    }

    private void show(double done, String line) {
        uiThread.execute(() -> {
            fraction.set(done);
            text.set(line);
        });
    }
}
