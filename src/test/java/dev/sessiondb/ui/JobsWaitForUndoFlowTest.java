package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.openFromJobsMenu;
import static dev.sessiondb.ui.WindowSteps.press;
import static dev.sessiondb.ui.WindowSteps.text;
import static dev.sessiondb.ui.WindowSteps.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.Backup;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.JournalListener;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.history.HistoryRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * While the window undoes a job, no other job starts (an audit: Run stayed enabled on every job page, so a migration could
 * start on a store being put back): the Run waits, saying for which undo, and is offered again once the undo has ended.
 */
@ExtendWith(ApplicationExtension.class)
class JobsWaitForUndoFlowTest {

    @TempDir
    static Path directory;

    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final List<String> warnings = new ArrayList<>();
    private final CountDownLatch restoreReached = new CountDownLatch(1);
    private final CountDownLatch restoreMayGoOn = new CountDownLatch(1);
    private Path run;
    private BackupJournal journal;

    @Start
    void start(Stage stage) throws Exception {
        run = Files.createTempDirectory(directory, "run");
        Path folder = run.resolve("journal");
        journal = new BackupJournal(folder, new RestoreHeldBack(new CatalogRecorder(folder, warnings::add)));
        TestWindows.show(stage, run, dialogs, journal);
    }

    @AfterEach
    void letTheRestoreEnd() {
        restoreMayGoOn.countDown();
    }

    @Test
    void everyJobsRunWaitsWhileAnUndoRunsAndSaysWhy(FxRobot robot) throws Exception {
        Path target = run.resolve("target.json");
        StoreContents.create("json:" + target, SampleSessions.minskyList(3, 1));
        byte[] before = Files.readAllBytes(target);
        new MigrateJob(StoreLocator.parse("json:" + TestStores.fixtureCopy(run)), StoreLocator.parse("json:" + target),
                new MigrateOptions(Optional.empty(), Optional.of(TargetMode.REPLACE), false, true), journal).run(ProgressMonitor.NONE);

        // a second migration planned, its Run ready
        openFromJobsMenu(robot, "#jobs-menu-migrate");
        type(robot, "#migrate-source", target.toString());
        type(robot, "#migrate-target", run.resolve("copy.db").toString());
        press(robot, "#migrate-next");
        press(robot, "#migrate-next");
        waitFor(() -> text(robot, "#migrate-plan-headline").startsWith("Ready to run"));
        press(robot, "#migrate-next");
        Button runMigration = robot.lookup("#migrate-run").queryButton();
        Label waits = robot.lookup("#migrate-waits").queryAs(Label.class);
        waitFor(() -> !runMigration.isDisabled());
        assertThat(read(waits::isVisible)).isFalse();

        // the first migration undone from History, its restore held back
        robot.push(KeyCode.CONTROL, KeyCode.H);
        TableView<HistoryRow> history = robot.lookup("#history-table").queryTableView();
        waitFor(() -> history.getItems().size() == 1);
        robot.interact(() -> history.getSelectionModel().select(0));
        Button undo = robot.lookup("#history-undo").queryButton();
        waitFor(() -> !undo.isDisabled());
        dialogs.answer(true);
        robot.interact(undo::fire);
        assertThat(restoreReached.await(60, TimeUnit.SECONDS)).as("the undo reached its restore").isTrue();

        openFromJobsMenu(robot, "#jobs-menu-migrate");
        waitFor(() -> waits.isVisible() && runMigration.isDisabled());
        assertThat(read(runMigration::getWidth)).as("Run keeps its words beside the reason").isGreaterThanOrEqualTo(read(() -> runMigration.prefWidth(-1)));
        assertThat(read(waits::getText)).matches("An undo is running \\(the migration .+\\.json → target\\.json \\(\\d\\d:\\d\\d:\\d\\d\\), see the"
                + " jobs panel\\) and may be putting back a store this job reads or writes: run it once the undo has ended\\.");

        restoreMayGoOn.countDown();
        waitFor(() -> Arrays.equals(Files.readAllBytes(target), before) && !runMigration.isDisabled() && !waits.isVisible());
        press(robot, "#migrate-run");
        waitFor(() -> text(robot, "#migrate-report-headline").startsWith("Verified"));
        assertThat(StoreContents.records("sqlite:" + run.resolve("copy.db"))).hasSize(3);
        assertThat(dialogs.errors()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    /** The app's catalog, with an undo's restore held back until the test lets it go on: the undo stays running meanwhile. */
    private final class RestoreHeldBack implements JournalListener {

        private final JournalListener catalog;

        RestoreHeldBack(JournalListener catalog) {
            this.catalog = catalog;
        }

        @Override
        public void restoring(Backup backup, Backup replaced) {
            restoreReached.countDown();
            try {
                restoreMayGoOn.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            catalog.restoring(backup, replaced);
        }

        @Override
        public void started(String runId, String description, List<String> sources, String target) {
            catalog.started(runId, description, sources, target);
        }

        @Override
        public void backedUp(String runId, Backup backup, Optional<String> mark) {
            catalog.backedUp(runId, backup, mark);
        }

        @Override
        public void reportSaved(JobReport report, Path file, Optional<String> targetMark) {
            catalog.reportSaved(report, file, targetMark);
        }

        @Override
        public void discarded(Backup backup, String outcome, Optional<String> why) {
            catalog.discarded(backup, outcome, why);
        }

        @Override
        public void written(String runId) {
            catalog.written(runId);
        }

        @Override
        public void ended(String runId, String outcome, Optional<String> why) {
            catalog.ended(runId, outcome, why);
        }

        @Override
        public void pruned(Backup backup) {
            catalog.pruned(backup);
        }

        @Override
        public void reportPruned(String runId) {
            catalog.reportPruned(runId);
        }

        @Override
        public void restored(Backup restored, Backup replaced, Optional<String> mark) {
            catalog.restored(restored, replaced, mark);
        }

        @Override
        public void undoStateChanged(Backup backup) {
            catalog.undoStateChanged(backup);
        }
    }
}
