package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.openFromJobsMenu;
import static dev.sessiondb.ui.WindowSteps.planMigration;
import static dev.sessiondb.ui.WindowSteps.press;
import static dev.sessiondb.ui.WindowSteps.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.ui.TestStores.MigratedTarget;
import dev.sessiondb.ui.history.HistoryRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * While the window undoes a job, no other job starts (an audit: Run stayed enabled on every job page, so a migration could
 * start on a store being put back): the Run waits, saying for which undo, without the page's 'Ready: press Run.' under the
 * reason, and is offered again once the undo has ended.
 */
class JobsWaitForUndoFlowTest extends WindowOverFreshRun {

    @RegisterExtension
    final HeldJournalStep restore = new HeldJournalStep(run.resolve("journal"));
    private final BackupJournal journal = restore.journal();

    @Start
    void start(Stage stage) {
        restore.holdAt(HeldJournalStep.Step.RESTORING);
        show(stage, journal);
    }

    @Test
    void everyJobsRunWaitsWhileAnUndoRunsAndSaysWhy(FxRobot robot) throws Exception {
        MigratedTarget migrated = TestStores.migratedSampleTarget(run, journal);
        Path target = migrated.file();

        // a second migration planned, its Run ready
        planMigration(robot, target.toString(), run.resolve("copy.db").toString());
        Button runMigration = read(() -> robot.lookup("#migrate-run").queryButton());
        Label waits = read(() -> robot.lookup("#migrate-waits").queryAs(Label.class));
        waitFor(() -> !runMigration.isDisabled() && text(robot, "#migrate-run-status").equals("Ready: press Run."));
        assertThat(read(waits::isVisible)).isFalse();

        undoTheMigrationFromHistoryHeldInItsRestore(robot);
        waitFor(() -> waits.isVisible() && runMigration.isDisabled());
        assertThat(read(() -> text(robot, "#migrate-run-status"))).as("no 'press Run' under the reason it waits").isEmpty();
        assertThat(read(runMigration::getWidth)).as("Run keeps its words beside the reason").isGreaterThanOrEqualTo(read(() -> runMigration.prefWidth(-1)));
        assertThat(read(waits::getText)).matches("An undo is running \\(the migration .+\\.json → target\\.json \\(\\d\\d:\\d\\d:\\d\\d\\), see the"
                + " jobs panel\\) and may be putting back a store this job reads or writes: run it once the undo has ended\\.");

        restore.letGoOn();
        // the undo put back the plan's source: Run would be refused, so the plan asks to be made again
        waitFor(() -> Arrays.equals(Files.readAllBytes(target), migrated.before()) && runMigration.isDisabled() && !waits.isVisible()
                && text(robot, "#migrate-run-status").contains("Press Plan again"));
        assertThat(read(() -> text(robot, "#migrate-run-status"))).startsWith("An undo put back json:" + target + " after this plan, which reads");
        press(robot, "#migrate-plan-again");
        waitFor(() -> text(robot, "#migrate-plan-headline").startsWith("Ready to run"));
        press(robot, "#migrate-next");
        press(robot, "#migrate-run");
        waitFor(() -> text(robot, "#migrate-report-headline").startsWith("Verified"));
        assertThat(StoreContents.records("sqlite:" + run.resolve("copy.db"))).hasSize(3);
        assertThat(dialogs.errors()).isEmpty();
        assertThat(restore.warnings()).isEmpty();
    }

    /**
     * An undo of a store the plan neither reads nor writes leaves the plan as it was: Run waits while the undo runs, then is
     * offered again under 'Ready: press Run.' (every undo that ended outdated every plan, one of other stores too).
     */
    @Test
    void aPlanOfOtherStoresIsStillReadyOnceAnUndoHasEnded(FxRobot robot) throws Exception {
        MigratedTarget migrated = TestStores.migratedSampleTarget(run, journal);
        Path target = migrated.file();
        Path other = run.resolve("other.json");
        StoreContents.create("json:" + other, SampleSessions.minskyList(4, 2));

        planMigration(robot, other.toString(), run.resolve("other-copy.db").toString());
        Button runMigration = read(() -> robot.lookup("#migrate-run").queryButton());
        Label waits = read(() -> robot.lookup("#migrate-waits").queryAs(Label.class));
        waitFor(() -> !runMigration.isDisabled() && text(robot, "#migrate-run-status").equals("Ready: press Run."));

        undoTheMigrationFromHistoryHeldInItsRestore(robot);
        waitFor(() -> waits.isVisible() && runMigration.isDisabled());

        restore.letGoOn();

        waitFor(() -> dialogs.notifications().stream().anyMatch(note -> note.startsWith("Undone: migration ")) && !waits.isVisible());
        assertThat(Files.readAllBytes(target)).isEqualTo(migrated.before());
        assertThat(read(() -> text(robot, "#migrate-run-status"))).isEqualTo("Ready: press Run.");
        press(robot, "#migrate-run");
        waitFor(() -> text(robot, "#migrate-report-headline").startsWith("Verified"));
        assertThat(StoreContents.records("sqlite:" + run.resolve("other-copy.db"))).hasSize(4);
        assertThat(dialogs.errors()).isEmpty();
        assertThat(restore.warnings()).isEmpty();
    }

    /** Undoes the history's one job (the migration) from History, its restore held back, and goes back to the Migrate page. */
    private void undoTheMigrationFromHistoryHeldInItsRestore(FxRobot robot) throws InterruptedException {
        robot.push(KeyCode.CONTROL, KeyCode.H);
        TableView<HistoryRow> history = read(() -> robot.lookup("#history-table").queryTableView());
        waitFor(() -> history.getItems().size() == 1);
        robot.interact(() -> history.getSelectionModel().select(0));
        Button undo = read(() -> robot.lookup("#history-undo").queryButton());
        waitFor(() -> !undo.isDisabled());
        dialogs.answer(true);
        robot.interact(undo::fire);
        assertThat(restore.reached()).as("the undo reached its restore").isTrue();
        openFromJobsMenu(robot, "#jobs-menu-migrate");
    }
}
