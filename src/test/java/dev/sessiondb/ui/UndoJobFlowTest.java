package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.ui.common.UiTaskExecutor;
import dev.sessiondb.ui.common.UndoStack;
import dev.sessiondb.ui.common.UndoableCommand;
import dev.sessiondb.ui.jobs.JobsView;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.controlsfx.control.TaskProgressView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An undo from the window is a job like the others (audit g29/g30: ten seconds of "Jobs (0)" and the last job's status,
 * then "Undone…"): the status line says it at once, the jobs panel lists it with its progress and cancel, and no second
 * undo starts until it has ended.
 */
@ExtendWith(ApplicationExtension.class)
class UndoJobFlowTest {

    private final UiTaskExecutor executor = new UiTaskExecutor();
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final UndoStack undo = new UndoStack(executor, dialogs);
    private final SlowUndo restore = new SlowUndo("migration big.json → t1 (03:02:06)");

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new JobsView(executor.jobs()), 600, 300));
        stage.show();
    }

    @AfterEach
    void stop() {
        restore.release.countDown();
        executor.shutdown();
    }

    @Test
    void anUndoIsListedInTheJobsPanelWithItsProgressAndSaysSoInTheStatusLineAtOnce(FxRobot robot) throws Exception {
        read(() -> {
            undo.record(restore, undone -> { });
            undo.undo();
            return null;
        });

        TaskProgressView<?> panel = read(() -> robot.lookup(".task-progress-view").query());
        waitFor(() -> panel.getTasks().size() == 1 && panel.getTasks().get(0).getProgress() == 0.5);
        assertThat(read(() -> dialogs.notifications())).as("said when it started").containsExactly("Undoing migration big.json → t1 (03:02:06) …");
        assertThat(read(() -> panel.getTasks().get(0).getTitle())).isEqualTo("Undo migration big.json → t1 (03:02:06)");
        assertThat(read(() -> undo.undoRunningProperty().get())).isTrue();

        read(() -> {
            undo.undo(new SlowUndo("migration other.json → t2 (03:05:00)"));
            return null;
        });
        assertThat(read(() -> dialogs.notifications())).as("no second undo meanwhile")
                .contains("An undo is running (see the jobs panel); undo again once it has ended");

        restore.release.countDown();
        waitFor(() -> panel.getTasks().isEmpty() && !undo.undoRunningProperty().get());
        assertThat(restore.undone).isTrue();
        assertThat(read(() -> dialogs.notifications())).last().isEqualTo("Undone: migration big.json → t1 (03:02:06)");
    }

    @Test
    void aCancelBeforeTheRestoreBeganLeavesTheJobOnTheUndoStack() throws Exception {
        read(() -> {
            undo.record(restore, undone -> { });
            undo.undo();
            return null;
        });
        waitFor(() -> executor.jobs().size() == 1 && restore.started.getCount() == 0);

        read(() -> executor.jobs().get(0).cancel());

        waitFor(() -> executor.jobs().isEmpty() && !undo.undoRunningProperty().get());
        assertThat(restore.undone).isFalse();
        assertThat(read(() -> dialogs.notifications())).last()
                .isEqualTo("Undo of the migration big.json → t1 (03:02:06) cancelled before it changed the store; nothing was restored");
        assertThat(read(() -> undo.undoDescriptionProperty().get())).as("offered again").isEqualTo("migration big.json → t1 (03:02:06)");
    }

    /** An undo that reports half its work, then waits for the test (or stops on a cancel, as the journal's backup step does). */
    private static final class SlowUndo implements UndoableCommand {

        private final String description;
        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private volatile boolean undone;

        SlowUndo(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public void execute() {
        }

        @Override
        public void undo() {
            throw new AssertionError("the window's undo reports its progress");
        }

        @Override
        public void undo(ProgressMonitor progress) {
            progress.progress(50, 100);
            started.countDown();
            try {
                while (!release.await(5, TimeUnit.MILLISECONDS)) {
                    progress.checkCancelled();
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return;
            }
            undone = true;
        }

        @Override
        public boolean scopedToOpenStore() {
            return false;
        }
    }
}
