package dev.sessiondb.ui.common;

/** Runs every piece of background work of the app, so the window never freezes and tests stay synchronous. */
public interface TaskExecutor {

    <V> void execute(BackgroundTask<V> task);

    /** Cancels what is running and stops taking work (when the window closes). */
    void shutdown();
}
