package dev.sessiondb.ui.wizard;

import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.TaskExecutor;
import dev.sessiondb.ui.common.UndoStack;
import dev.sessiondb.ui.stores.TypedPasswordForgottenException;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;

/**
 * Runs a wizard's background work the one way: the wizard is busy meanwhile (Back and Next
 * wait), the work is listed in the jobs panel, and the status line says what happens. The
 * window's status bar names the work while it runs and how it ended, so it never keeps an
 * earlier message ("Undone: …") through a new job.
 */
public final class WizardTasks {

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final BooleanProperty busy;
    private final Consumer<String> status;
    private final Consumer<Exception> failed;
    private final UndoStack undo;

    /**
     * @param busy   true while the work runs: the wizard's Back and Next wait on it
     * @param failed told of a failure after the wizard is no longer busy and the status line is cleared
     * @param undo   waits while the wizard's job writes ({@link #runJob})
     */
    public WizardTasks(TaskExecutor executor, DialogService dialogs, BooleanProperty busy, Consumer<String> status, Consumer<Exception> failed,
                       UndoStack undo) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.busy = busy;
        this.status = status;
        this.failed = failed;
        this.undo = undo;
    }

    /**
     * @param title what the jobs panel calls the work
     * @param doing the status line while it runs
     * @param done  what to do with the result, on the UI thread
     */
    public <V> void run(String title, String doing, BackgroundTask.Work<V> work, Consumer<V> done) {
        run(title, doing, work, done, failed);
    }

    /** As {@link #run(String, String, BackgroundTask.Work, Consumer)}, with this work's own failure handling. */
    public <V> void run(String title, String doing, BackgroundTask.Work<V> work, Consumer<V> done, Consumer<Exception> failed) {
        execute(BackgroundTask.of(title, work), doing, done, failed);
    }

    /** Runs the wizard's job, which writes a store, as {@link #run}: no undo starts until it has ended. */
    public <V> void runJob(String title, String doing, BackgroundTask.Work<V> work, Consumer<V> done, Consumer<Exception> failed) {
        execute(undo.writing(BackgroundTask.of(title, work)), doing, done, failed);
    }

    private <V> void execute(BackgroundTask<V> task, String doing, Consumer<V> done, Consumer<Exception> failed) {
        String title = task.title();
        busy.set(true);
        status.accept(doing);
        dialogs.notify(title + " — running …");
        executor.execute(task.showInJobs()
                .onSuccess(value -> {
                    busy.set(false);
                    dialogs.notify(title + " — done");
                    done.accept(value);
                })
                .onCancelled(stopped -> {
                    busy.set(false);
                    dialogs.notify(title + " — cancelled");
                    status.accept(cancelledText(stopped));
                })
                .onFailure(failure -> {
                    busy.set(false);
                    // a refusal is a job that chose to write nothing, not one that broke
                    dialogs.notify(title + (failure instanceof JobRefusedException ? " — refused" : " — failed"));
                    status.accept("");
                    failed.accept(TypedPasswordForgottenException.toldWith(failure, TypedPasswordForgottenException.ASKED_AGAIN,
                            "go Back, " + TypedPasswordForgottenException.CORRECT_THE_URL + ", then Next"));
                }));
    }

    /** What a cancel left, as the engine tells it: a stop that may have written names its backup instead of claiming nothing was. */
    public static String cancelledText(CancelledException stopped) {
        return stopped.backupKept()
                .map(backup -> "Cancelled, but the store may have changed before the write stopped: its backup " + backup
                        + " is kept, and Undo selected job in the History view puts it back.")
                .orElse("Cancelled: nothing was written.");
    }
}
