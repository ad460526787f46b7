package dev.sessiondb.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.ProgressTracker;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.ui.jobs.ProgressText;
import dev.sessiondb.ui.jobs.ShownProgress;
import org.junit.jupiter.api.Test;

class JobProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private final JobProgress progress = new JobProgress(Runnable::run);

    @Test
    void theWizardShowsWhatTheJobIsDoingAndHowFar() {
        ProgressMonitor monitor = progress.follow(new ProgressTracker());

        monitor.message("writing target");
        assertThat(progress.textProperty().get()).isEqualTo("Writing target");
        assertThat(progress.fractionProperty().get()).isEqualTo(-1);

        monitor.progress(50, 50);

        assertThat(progress.fractionProperty().get()).isEqualTo(1.0);
        assertThat(progress.textProperty().get()).startsWith("Writing target: 50 of 50");
    }

    @Test
    void theWizardShowsTheSnapshotThePanelShows() {
        long[] now = {0};
        ProgressTracker job = new ProgressTracker(() -> now[0]);
        String[] panel = {""};
        ShownProgress panelShows = new ShownProgress(); // as the jobs panel's task does
        job.addListener(snapshot -> panelShows.ifDue(snapshot, shown -> panel[0] = ProgressText.describe(shown)));
        ProgressMonitor monitor = progress.follow(job);
        monitor.message("writing target");

        for (int done = 1; done <= 1_000; done++) {
            now[0] = done * (SECOND / 400); // a record every 2.5 ms: most reports are not shown
            monitor.progress(done, 200_000);
        }

        // the line shown is the panel's, with the tracker's rate and time left, not one of its own
        assertThat(progress.textProperty().get()).isEqualTo(panel[0])
                .isEqualTo("Writing target: 961 of 200,000 · 400/s · about 8 min 18 s left");
        assertThat(progress.fractionProperty().get()).isEqualTo(961 / 200_000.0);
    }

    @Test
    void theWizardsCancelStopsTheJobAndTheNextRunStartsUncancelled() {
        ProgressMonitor first = progress.follow(new ProgressTracker());

        progress.cancel();

        assertThat(first.isCancelled()).isTrue();
        assertThat(progress.follow(new ProgressTracker()).isCancelled()).isFalse();
    }
}
