package dev.sessiondb.ui.common;

import dev.sessiondb.job.ProgressTracker;
import dev.sessiondb.progress.CancelledException;

/** Runs each task at once on the calling thread: ViewModel tests see results without waiting. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    private final Runnable afterEachWork;

    public CurrentThreadTaskExecutor() {
        this(() -> { });
    }

    /** @param afterEachWork runs between a task's work and its success callback: what the work did before the FX thread would hear of it */
    public CurrentThreadTaskExecutor(Runnable afterEachWork) {
        this.afterEachWork = afterEachWork;
    }

    @Override
    public <V> void execute(BackgroundTask<V> task) {
        V result;
        try {
            result = task.run(new ProgressTracker());
        } catch (CancelledException cancelled) {
            task.cancelled(cancelled);
            return;
        } catch (Exception failure) {
            task.failed(failure);
            return;
        }
        afterEachWork.run();
        task.succeeded(result);
    }

    @Override
    public void shutdown() {
        // nothing runs in the background
    }
}
