package dev.sessiondb.ui.wizard;

import dev.sessiondb.job.Job;
import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.TaskExecutor;
import dev.sessiondb.ui.common.UndoStack;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * A wizard that plans a job, then runs the plan: on top of its {@link WizardJobRun} (status line, background work,
 * progress, Cancel), whether the plan allows Run, the plan going outdated (a refused run, an undo of a store it reads or
 * writes), the planning and the run itself with its report and undo step. The migrate and consolidate wizards share it,
 * so Run behaves the same in both.
 */
public final class PlannedJobRun extends WizardJobRun {

    private final ReadOnlyBooleanWrapper runnable = new ReadOnlyBooleanWrapper(false);
    private final OutdatedPlan outdatedPlan = new OutdatedPlan(runnable, status()::set);
    private final WizardPlanning planning = new WizardPlanning(runnable, outdatedPlan, status()::set);
    private final ObjectProperty<JobSummary> page;
    private final WizardChoices choices;
    private final UndoStack undo;
    private final BackupJournal journal;

    /**
     * @param page     where the wizard shows the run's report, and what failed when its work fails
     * @param choices  the wizard's controls a refusal or the report's advice sends the user back to
     * @param uiThread where the progress changes: the JavaFX thread in the app, the calling thread in tests
     */
    public PlannedJobRun(WizardSteps steps, ObjectProperty<JobSummary> page, WizardChoices choices, TaskExecutor executor,
                         DialogService dialogs, UndoStack undo, BackupJournal journal, Executor uiThread) {
        super(steps.busyProperty(), executor, dialogs, undo, uiThread, failure -> page.set(JobSummary.ofFailure("Failed", failure)));
        this.page = page;
        this.choices = choices;
        this.undo = undo;
        this.journal = journal;
        outdatedPlan.followUndos(undo);
    }

    /** True when the plan allows the job to run. */
    public ReadOnlyBooleanProperty runnableProperty() {
        return runnable.getReadOnlyProperty();
    }

    /** True when the run found the plan outdated: Run is then off and Plan again makes a new one. */
    public ReadOnlyBooleanProperty planOutdatedProperty() {
        return outdatedPlan.outdatedProperty();
    }

    /** Starts a new plan: see {@link WizardPlanning#start}. */
    public <P> void plan(WizardPlanning.Preparation<P> preparation, Consumer<P> plan) {
        planning.start(preparation, plan);
    }

    /** A plan over {@code stores} is made: Run is on unless it would refuse, and an undo of one of the stores outdates it. */
    public void planned(List<StoreLocator> stores, JobPlan made) {
        outdatedPlan.planned(stores);
        runnable.set(made.refusal().isEmpty());
    }

    /** Whether {@code planned} may run now: there is a plan, it allows the run, and no undo runs (else the status line says so). */
    public boolean mayRun(Job planned) {
        return planned != null && runnable.get() && !undoRuns();
    }

    /**
     * Runs the planned job in the background (the jobs panel shows it). Once done, Run goes off, the page shows the report
     * and the job's undo step goes on the stack; a failure is shown on the page, and a refusal outdates the plan.
     *
     * @param saysDone the status line once done, given where the report is saved
     */
    public void run(Job planned, String title, String doing, Function<Path, String> saysDone) {
        run(planned, title, doing, saysDone, UnaryOperator.identity());
    }

    /** As {@link #run(Job, String, String, Function)}, the report told as {@code told} words it (a consolidation names its sources). */
    public void run(Job planned, String title, String doing, Function<Path, String> saysDone, UnaryOperator<JobSummary> told) {
        tasks().runJob(title, doing, monitor -> planned.run(progress().follow(monitor)), done -> {
            runnable.set(false);
            status().set(saysDone.apply(journal.reportsDir().resolve(done.fileName())));
            ReportedJob.show(done, told.apply(JobSummary.ofReport(done, choices, journal.backupsDir())), page, status(), undo, journal);
        }, failure -> {
            page.set(JobSummary.ofFailure("Failed", failure));
            outdatedPlan.runFailed(failure);
        });
    }
}
