package dev.sessiondb.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

class JobProgressTest {

    private final JobProgress progress = new JobProgress(Runnable::run);

    @Test
    void theWizardSeesHowFarTheJobIsAndThePanelStillHearsOfIt() {
        long[] panelSaw = {0};
        ProgressMonitor monitor = progress.around(new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
                panelSaw[0] = done;
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });

        monitor.message("writing target");
        assertThat(progress.textProperty().get()).isEqualTo("writing target");
        assertThat(progress.fractionProperty().get()).isEqualTo(-1);

        monitor.progress(50, 50);

        assertThat(panelSaw[0]).isEqualTo(50);
        assertThat(progress.fractionProperty().get()).isEqualTo(1.0);
        assertThat(progress.textProperty().get()).startsWith("50 of 50");
    }

    @Test
    void theWizardsCancelStopsTheJobAndTheNextRunStartsUncancelled() {
        ProgressMonitor first = progress.around(ProgressMonitor.NONE);

        progress.cancel();

        assertThat(first.isCancelled()).isTrue();
        assertThat(progress.around(ProgressMonitor.NONE).isCancelled()).isFalse();
    }
}
