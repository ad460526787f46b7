package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.ProgressTracker;
import dev.sessiondb.progress.CancelledException;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.UiTaskExecutor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The jobs panel's Cancel only asks the work to stop: the window hears how the work ended, so work past the
 * point a cancel can stop (a write already committed) ends done, not "cancelled: nothing was written" (audit A).
 */
@ExtendWith(ApplicationExtension.class)
class TaskCancelFlowTest {

    private final UiTaskExecutor executor = new UiTaskExecutor();
    private final AtomicReference<String> ended = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need
    }

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    @Test
    void workThatFinishesDespiteACancelEndsDoneAndLeavesTheJobsPanel() {
        run(monitor -> {
            waitForCancel(monitor);
            return "written and verified";
        });
        waitFor(() -> executor.jobs().size() == 1);

        read(() -> executor.jobs().get(0).cancel());

        waitFor(() -> ended.get() != null && executor.jobs().isEmpty());
        assertThat(ended.get()).isEqualTo("done: written and verified");
    }

    @Test
    void workThatStopsOnACancelEndsCancelledWithWhatTheStopLeft() {
        run(monitor -> {
            waitForCancel(monitor);
            throw new CancelledException("cancelled; the store may have changed", "backup-1");
        });
        waitFor(() -> executor.jobs().size() == 1);

        read(() -> executor.jobs().get(0).cancel());

        waitFor(() -> ended.get() != null && executor.jobs().isEmpty());
        assertThat(ended.get()).isEqualTo("cancelled, backup kept: backup-1");
    }

    private void run(BackgroundTask.Work<String> work) {
        executor.execute(BackgroundTask.of("a job", work).showInJobs()
                .onSuccess(value -> ended.set("done: " + value))
                .onCancelled(stopped -> ended.set("cancelled" + stopped.backupKept().map(id -> ", backup kept: " + id).orElse("")))
                .onFailure(failure -> ended.set("failed: " + failure)));
    }

    /** Work that goes on, as a long verification would, until the user's cancel reaches its tracker. */
    private static void waitForCancel(ProgressTracker asked) throws InterruptedException {
        while (!asked.isCancelled()) {
            Thread.sleep(5);
        }
    }
}
