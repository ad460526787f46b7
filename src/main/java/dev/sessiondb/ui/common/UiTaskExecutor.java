package dev.sessiondb.ui.common;

import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.job.ProgressTracker;
import dev.sessiondb.ui.jobs.ProgressText;
import dev.sessiondb.ui.jobs.ShownProgress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
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

    private final ObservableList<Task<?>> jobs = FXCollections.observableArrayList();
    private final ExecutorService threads;
    private UnaryOperator<Exception> failureFilter = UnaryOperator.identity();

    public UiTaskExecutor() {
        AtomicInteger number = new AtomicInteger();
        threads = Executors.newFixedThreadPool(3, work -> {
            Thread thread = new Thread(work, "sessiondb-background-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Passes every failure through {@code filter} before its task hears of it, on the UI thread:
     * the app forgets a typed password the server refused there, whichever task met the refusal.
     */
    public void filterFailures(UnaryOperator<Exception> filter) {
        failureFilter = filter;
    }

    /** The running jobs the user sees; a finished job leaves the list. */
    public ObservableList<Task<?>> jobs() {
        return jobs;
    }

    @Override
    public <V> void execute(BackgroundTask<V> work) {
        Task<V> task = new MonitoredTask<>(work);
        if (work.isShownInJobs()) {
            // registered before the result callbacks: a callback that throws must not keep a finished
            // job in the list, or the badge would count a job the panel no longer shows
            // (handlers of one event type run in the order added; ANY would run after the callbacks)
            for (var ended : List.of(WorkerStateEvent.WORKER_STATE_SUCCEEDED, WorkerStateEvent.WORKER_STATE_CANCELLED,
                    WorkerStateEvent.WORKER_STATE_FAILED)) {
                task.addEventHandler(ended, event -> jobs.remove(task));
            }
            // a quick task may be done before the UI thread adds it: a done task never enters the list
            runOnUiThread(() -> {
                if (!task.isDone()) {
                    jobs.add(task);
                }
            });
        }
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, event -> work.succeeded(task.getValue()));
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, event -> {
            if (task.getException() instanceof CancelledException cancelled) {
                work.cancelled(cancelled);
            } else {
                work.failed(failureFilter.apply(task.getException() instanceof Exception failure ? failure : new RuntimeException(task.getException())));
            }
        });
        threads.execute(task);
    }

    @Override
    public void shutdown() {
        List.copyOf(jobs).forEach(Task::cancel);
        threads.shutdownNow();
    }

    private static void runOnUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /**
     * Runs the work with a {@link ProgressTracker} and shows its snapshots as the task's progress
     * and message, bar and text from the same snapshot (see {@link ShownProgress}).
     */
    private static final class MonitoredTask<V> extends Task<V> {

        private final BackgroundTask<V> work;
        /** Rate and ETA, computed as for the CLI's bar; a wizard listens to it too. */
        private final ProgressTracker tracker = new ProgressTracker();

        MonitoredTask(BackgroundTask<V> work) {
            this.work = work;
            updateTitle(work.title());
            ShownProgress shown = new ShownProgress();
            tracker.addListener(snapshot -> shown.ifDue(snapshot, this::show));
        }

        @Override
        protected V call() throws Exception {
            return work.run(tracker);
        }

        /**
         * Only asks the work to stop: it ends as the work does, cancelled when it stopped and done when it was
         * past the point a cancel can stop (a write already committed), so the window never calls written stores unwritten.
         */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            tracker.cancel();
            return true;
        }

        private void show(ProgressTracker.Snapshot snapshot) {
            // -1 is an indeterminate bar: a phase whose total is not known yet
            updateProgress(snapshot.fraction(), 1);
            updateMessage(ProgressText.describe(snapshot));
        }
    }
}
