package dev.sessiondb.ui.common;

import dev.sessiondb.job.ProgressTracker;
import dev.sessiondb.progress.CancelledException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A piece of work for a {@link TaskExecutor}: what it is called, what it does (reporting to a
 * {@link ProgressTracker}, which the jobs panel and a wizard both listen to) and what happens with
 * its result. Callbacks run on the UI thread in
 * the app and on the calling thread in ViewModel tests.
 */
public final class BackgroundTask<V> {

    /** The work itself; it reports progress and checks for cancel through the tracker. */
    @FunctionalInterface
    public interface Work<V> {
        V run(ProgressTracker monitor) throws Exception;
    }

    private final String title;
    private final Work<V> work;
    private Consumer<V> onSuccess = result -> { };
    private Consumer<Exception> onFailure = failure -> { };
    private Consumer<CancelledException> onCancelled = cancelled -> { };
    private Runnable ended = () -> { };
    private boolean shownInJobs;

    private BackgroundTask(String title, Work<V> work) {
        this.title = Objects.requireNonNull(title, "title");
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <V> BackgroundTask<V> of(String title, Work<V> work) {
        return new BackgroundTask<>(title, work);
    }

    /** Lists the task in the jobs panel with progress, rate, ETA and cancel; quick look-ups stay out of it. */
    public BackgroundTask<V> showInJobs() {
        shownInJobs = true;
        return this;
    }

    public BackgroundTask<V> onSuccess(Consumer<V> callback) {
        onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<V> onFailure(Consumer<Exception> callback) {
        onFailure = Objects.requireNonNull(callback);
        return this;
    }

    /** @param callback told how the stop left the stores: {@link CancelledException#backupKept()} when it may have written */
    public BackgroundTask<V> onCancelled(Consumer<CancelledException> callback) {
        onCancelled = Objects.requireNonNull(callback);
        return this;
    }

    /** Runs {@code action} once the task has ended, however, before the callback of that ending. */
    public BackgroundTask<V> whenEnded(Runnable action) {
        Runnable before = ended;
        ended = () -> {
            before.run();
            action.run();
        };
        return this;
    }

    public String title() {
        return title;
    }

    public boolean isShownInJobs() {
        return shownInJobs;
    }

    V run(ProgressTracker monitor) throws Exception {
        return work.run(monitor);
    }

    void succeeded(V result) {
        ended.run();
        onSuccess.accept(result);
    }

    void failed(Exception failure) {
        ended.run();
        onFailure.accept(failure);
    }

    void cancelled(CancelledException stop) {
        ended.run();
        onCancelled.accept(stop);
    }
}
