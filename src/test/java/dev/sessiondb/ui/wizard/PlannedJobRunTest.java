package dev.sessiondb.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.Job;
import dev.sessiondb.job.JobPlan;
import dev.sessiondb.job.JobRefusedException;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.Refusal;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.ui.ViewModelFixture;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.junit.jupiter.api.Test;

/** The run step the migrate and consolidate wizards share: when Run may start, and what a refused run leaves. */
class PlannedJobRunTest extends ViewModelFixture {

    private final ReadOnlyObjectWrapper<JobSummary> page = new ReadOnlyObjectWrapper<>();

    private PlannedJobRun jobRun() {
        return new PlannedJobRun(new WizardSteps(List.of("Plan", "Run"), step -> { }), page, WizardChoices.MIGRATE, executor, dialogs,
                undo, journal(), Runnable::run);
    }

    @Test
    void runWaitsForAPlanThatAllowsIt() {
        PlannedJobRun jobRun = jobRun();
        Job refusing = new RefusedJob();

        assertThat(jobRun.mayRun(null)).isFalse();
        jobRun.planned(List.of(), plan(Optional.of(Refusal.other("the target is read-only"))));
        assertThat(jobRun.mayRun(refusing)).isFalse();
        jobRun.planned(List.of(), plan(Optional.empty()));
        assertThat(jobRun.mayRun(refusing)).isTrue();
    }

    @Test
    void aRunRefusedOverAnOutdatedPlanShowsWhyAndWaitsForANewPlan() {
        PlannedJobRun jobRun = jobRun();
        jobRun.planned(List.of(), plan(Optional.empty()));

        jobRun.run(new RefusedJob(), "Migrate a → b", "Migrating …", saved -> "Done.");

        assertThat(page.get().tone()).isEqualTo(JobSummary.Tone.BAD);
        assertThat(page.get().headline()).startsWith("Failed");
        assertThat(jobRun.planOutdatedProperty().get()).isTrue();
        assertThat(jobRun.runnableProperty().get()).isFalse();
        assertThat(jobRun.status().get()).startsWith("Nothing was written: the plan no longer matches the stores.");
    }

    private static JobPlan plan(Optional<Refusal> refusal) {
        return new JobPlan("migrate a -> b", Map.of("source records", 3L), List.of(), List.of(), List.of(), refusal, 0);
    }

    /** A job whose run refuses: a store changed after its plan. */
    private static final class RefusedJob implements Job {

        @Override
        public String description() {
            return "migrate a -> b";
        }

        @Override
        public JobPlan plan() {
            return PlannedJobRunTest.plan(Optional.empty());
        }

        @Override
        public JobReport run(ProgressMonitor monitor) {
            throw new JobRefusedException("the source changed after the plan");
        }
    }
}
