package dev.sessiondb.ui.common;

import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.job.ProgressTracker;
import dev.sessiondb.ui.jobs.ProgressText;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;

/**
 * Runs tasks on a small pool of daemon threads as {@link javafx.concurrent.Task}s. Tasks meant
 * for the user are added to one observable job list, which the jobs panel shows.
 */
public final class UiTaskExecutor implements TaskExecutor {

    private static final long MESSAGE_INTERVAL_NANOS = 200_000_000L;

    private final ObservableList<Task<?>> jobs = FXCollections.observableArrayList();
    private final ExecutorService threads;

    public UiTaskExecutor() {
        AtomicInteger number = new AtomicInteger();
        threads = Executors.newFixedThreadPool(3, work -> {
            Thread thread = new Thread(work, "sessiondb-background-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The running jobs the user sees; a finished job leaves the list. */
    public ObservableList<Task<?>> jobs() {
        return jobs;
    }

    @Override
    public <V> void execute(BackgroundTask<V> work) {
        Task<V> task = new MonitoredTask<>(work);
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, event -> work.succeeded(task.getValue()));
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, event -> work.cancelled());
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, event -> {
            if (task.getException() instanceof CancelledException) {
                work.cancelled();
            } else {
                work.failed(task.getException() instanceof Exception failure ? failure : new RuntimeException(task.getException()));
            }
        });
        if (work.isShownInJobs()) {
            task.addEventHandler(WorkerStateEvent.ANY, event -> {
                if (task.isDone()) {
                    jobs.remove(task);
                }
            });
            runOnUiThread(() -> jobs.add(task));
        }
        threads.execute(task);
    }

    @Override
    public void shutdown() {
        List.copyOf(jobs).forEach(Task::cancel); // a cancelled job leaves the list at once
        threads.shutdownNow();
    }

    private static void runOnUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** Feeds the engine's progress reports into the task's progress and message, at most five times a second. */
    private static final class MonitoredTask<V> extends Task<V> implements ProgressMonitor {

        private final BackgroundTask<V> work;
        /** Rate and ETA, computed as for the CLI's bar. */
        private final ProgressTracker tracker = new ProgressTracker();
        private long lastMessage;

        MonitoredTask(BackgroundTask<V> work) {
            this.work = work;
            updateTitle(work.title());
        }

        @Override
        protected V call() throws Exception {
            return work.run(this);
        }

        @Override
        public void progress(long done, long total) {
            tracker.progress(done, total);
            long now = System.nanoTime();
            if (total > 0) {
                updateProgress(done, total);
            }
            if (now - lastMessage >= MESSAGE_INTERVAL_NANOS || done == total) {
                lastMessage = now;
                updateMessage(ProgressText.describe(tracker.snapshot()));
            }
        }

        @Override
        public void message(String text) {
            tracker.message(text);
            updateMessage(text);
        }
    }
}
