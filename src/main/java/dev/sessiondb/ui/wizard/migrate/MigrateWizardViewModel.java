package dev.sessiondb.ui.wizard.migrate;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.LocatorInput;
import dev.sessiondb.ui.common.StoreField;
import dev.sessiondb.ui.common.StoreNames;
import dev.sessiondb.ui.common.TaskExecutor;
import dev.sessiondb.ui.common.UndoStack;
import dev.sessiondb.ui.stores.TypedPasswordForgottenException;
import dev.sessiondb.ui.wizard.JobStatement;
import dev.sessiondb.ui.wizard.JobSummary;
import dev.sessiondb.ui.wizard.PlannedJobRun;
import dev.sessiondb.ui.wizard.WizardChoices;
import dev.sessiondb.ui.wizard.WizardSteps;
import dev.sessiondb.ui.wizard.WizardTarget;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The migration wizard: source and target with the target's layout, options, the dry-run
 * plan, then the run in the background (jobs panel: progress, rate, ETA, cancel) and its
 * verification report. A run that wrote goes on the undo stack, which restores its backup.
 */
public final class MigrateWizardViewModel {

    public static final int STORES = 0;
    public static final int OPTIONS = 1;
    public static final int PLAN = 2;
    public static final int RUN = 3;
    /** The Run page's status once the plan allows the run: the page hides it while Run waits for an undo. */
    public static final String READY = "Ready: press Run.";

    private final StoreField source;
    private final WizardTarget target;
    private final ObjectProperty<StoreLayout> layout = new SimpleObjectProperty<>();
    private final BooleanProperty allowLoss = new SimpleBooleanProperty(false);
    private final BooleanProperty verify = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<JobStatement> statement = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JobSummary> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JobSummary> report = new ReadOnlyObjectWrapper<>();
    private final WizardSteps steps = new WizardSteps(List.of("Stores", "Options", "Plan (dry run)", "Run and verify"), this::entered);
    private final PlannedJobRun jobRun;
    private final ReadOnlyStringWrapper status;

    private final LocatorInput locators;
    private final BackupJournal journal;
    private MigrateJob job;
    private String jobTitle;
    /** Where the planned job writes: the report names it in full, as the pages name it by its file name alone. */
    private StoreLocator jobTarget;

    public MigrateWizardViewModel(TaskExecutor executor, DialogService dialogs, LocatorInput locators, UndoStack undo, BackupJournal journal,
            Executor uiThread) {
        this.jobRun = new PlannedJobRun(steps, report, WizardChoices.MIGRATE, executor, dialogs, undo, journal, uiThread);
        this.status = jobRun.status();
        this.source = StoreField.existing("Source", dialogs);
        this.target = new WizardTarget(dialogs, "Migrate", executor, locators);
        this.locators = locators;
        this.journal = journal;
        steps.readyProperty().bind(steps.currentProperty().isEqualTo(STORES).and(source.textProperty().isNotEmpty()).and(target.textProperty().isNotEmpty())
                .or(steps.currentProperty().isEqualTo(OPTIONS))
                .or(steps.currentProperty().isEqualTo(PLAN).and(jobRun.runnableProperty())));
    }

    // Properties

    public WizardSteps steps() {
        return steps;
    }

    /** The store copied from: its text and Browse. */
    public StoreField source() {
        return source;
    }

    /** The store written to, its layout aside: its text, how the pages show it, the existing target's mode and Browse. */
    public WizardTarget target() {
        return target;
    }

    public ObjectProperty<StoreLayout> layoutProperty() {
        return layout;
    }

    public BooleanProperty allowLossProperty() {
        return allowLoss;
    }

    public BooleanProperty verifyProperty() {
        return verify;
    }

    /** What the planned job does, said before its plan and its report: which stores, how, and where the target is backed up. */
    public ReadOnlyObjectProperty<JobStatement> statementProperty() {
        return statement.getReadOnlyProperty();
    }

    /** The dry run: counts, fields the target cannot hold, date coercions, and a refusal if the job would refuse. */
    public ReadOnlyObjectProperty<JobSummary> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** The run's report: the verification first. */
    public ReadOnlyObjectProperty<JobSummary> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** What the wizard is doing now. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The plan's run: whether the plan allows it, why Run waits, whether the plan is outdated, its progress and Cancel. */
    public PlannedJobRun jobRun() {
        return jobRun;
    }

    // Commands

    /** Makes the dry-run plan; nothing is written. */
    public void makePlan() {
        statement.set(null);
        plan.set(null);
        report.set(null);
        jobRun.plan(this::prepare, this::plan);
    }

    private void plan(Prepared prepared) {
        MigrateJob planned = prepared.job();
        String title = prepared.title();
        jobRun.tasks().run("Plan: " + title, "Planning " + planned.description() + " …", monitor -> planned.plan(), made -> {
            job = planned;
            jobTitle = title;
            jobTarget = prepared.target();
            statement.set(JobStatement.ofMigration(prepared.source(), prepared.target(), target.modeProperty().get(), made, journal.backupsDir()));
            plan.set(JobSummary.ofPlan(made, WizardChoices.MIGRATE));
            jobRun.planned(List.of(prepared.source(), prepared.target()), made);
            status.set(made.refusal().isEmpty() ? "Plan ready: press Next, then Run." : "The job would refuse: go Back, change what the plan below says, and plan again.");
        }, failure -> plan.set(JobSummary.ofFailure("Cannot plan", passwordTakenOut(failure))));
    }

    /** A refused password written in a store's URL is taken out of it, so Back shows no mask to type over and Next asks for it. */
    private Exception passwordTakenOut(Exception failure) {
        boolean takenOut = source.takeOutRefusedPassword(failure) | target.takeOutRefusedPassword(failure);
        return takenOut ? TypedPasswordForgottenException.toldTakenOutOfTheUrl(failure) : failure;
    }

    /** Runs the planned migration in the background; the jobs panel shows it. */
    public void run() {
        if (jobRun.mayRun(job)) {
            report.set(null);
            jobRun.run(job, jobTitle, "Migrating …", saved -> "Done: the sessions are now in " + StoreNames.shown(jobTarget.display())
                    + ". Report saved as " + saved + ".");
        }
    }

    /** Back to the plan step, which plans again over what the stores hold now. */
    public void planAgain() {
        steps.go(PLAN);
    }

    private void entered(int step) {
        if (step == PLAN) {
            makePlan();
        } else if (step == RUN) {
            report.set(null);
            status.set(READY);
        }
    }

    /** A job ready to plan, with the stores its title names. */
    private record Prepared(MigrateJob job, StoreLocator source, StoreLocator target) {

        /** What the jobs panel calls the run: short, so its progress and cancel stay in view. */
        String title() {
            return "Migrate " + StoreNames.shortName(source) + " → " + StoreNames.shortName(target);
        }
    }

    /** Gives {@code prepared} the job over the chosen stores, empty when they cannot be used; the wizard is busy meanwhile. */
    private void prepare(Consumer<Optional<Prepared>> prepared) {
        steps.busyProperty().set(true);
        locators.resolve(List.of(source.choice(), target.choice()), stores -> {
            steps.busyProperty().set(false);
            prepared.accept(stores.map(found -> new Prepared(new MigrateJob(found.get(0), found.get(1),
                    new MigrateOptions(Optional.ofNullable(layout.get()), Optional.ofNullable(target.modeProperty().get()), allowLoss.get(), verify.get()), journal),
                    found.get(0), found.get(1))));
        });
    }
}
