package dev.sessiondb.ui.wizard;

import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.TaskExecutor;
import dev.sessiondb.ui.common.UndoStack;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A wizard's background work and the job it runs, as its pages show them: the status line, why Run waits (an undo is
 * running), the job's progress and Cancel. The validate wizard's Apply and the Repeated sessions page's repair use it as
 * it is; {@link PlannedJobRun} adds the plan that the migrate and consolidate wizards make before their run.
 */
public class WizardJobRun {

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final JobProgress progress;
    private final WizardTasks tasks;
    private final UndoStack undo;

    /**
     * @param busy     true while the wizard's work runs
     * @param failed   told of a failed work (see {@link WizardTasks}): the wizard shows it on its page or in a dialog
     * @param uiThread where the progress changes: the JavaFX thread in the app, the calling thread in tests
     */
    public WizardJobRun(BooleanProperty busy, TaskExecutor executor, DialogService dialogs, UndoStack undo, Executor uiThread,
                        Consumer<Exception> failed) {
        this.progress = new JobProgress(uiThread);
        this.tasks = new WizardTasks(executor, dialogs, busy, status::set, failed, undo);
        this.undo = undo;
    }

    /** The wizard's status line, which the wizard also writes: what it is doing now. */
    public final ReadOnlyStringWrapper status() {
        return status;
    }

    /** Why Run waits now (an undo is running), or empty: the page says it beside the button. */
    public final ReadOnlyStringProperty runWaitsProperty() {
        return undo.jobsWaitProperty();
    }

    /** The running job's progress and the wizard's Cancel. */
    public final JobProgress progress() {
        return progress;
    }

    /** The wizard's background work: finding, planning, and the job's run. */
    public final WizardTasks tasks() {
        return tasks;
    }

    /** True when an undo runs, so the job must not start now: the status line then says so. */
    public final boolean undoRuns() {
        return undo.refusesJobs(status::set);
    }

    public final void cancel() {
        progress.cancel();
    }
}
