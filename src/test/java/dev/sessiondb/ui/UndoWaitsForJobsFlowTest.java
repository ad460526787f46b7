package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.planMigration;
import static dev.sessiondb.ui.WindowSteps.press;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.ui.TestStores.MigratedTarget;
import dev.sessiondb.ui.history.HistoryRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * While a job of the window writes, no undo starts (an audit: History's Undo and Ctrl+Z started one, which could put back a
 * store the job reads or writes): the toolbar's Undo, Ctrl+Z and History's Undo selected job refuse at once, naming the job,
 * without asking or changing anything, and undo once it has ended.
 */
class UndoWaitsForJobsFlowTest extends WindowOverFreshRun {

    private static final String WAIT = "A job is running \\(Migrate target\\.json → copy\\.db, see the jobs panel\\) and may be writing the store"
            + " an undo would put back: undo once it has ended\\.";

    @RegisterExtension
    final HeldJournalStep write = new HeldJournalStep(run.resolve("journal"));
    private final BackupJournal journal = write.journal();

    @Start
    void start(Stage stage) {
        show(stage, journal);
    }

    @Test
    void undoRefusesWhileAJobWritesNamingItAndUndoesOnceItHasEnded(FxRobot robot) throws Exception {
        MigratedTarget fromFixture = TestStores.migratedSampleTarget(run, journal);
        Path target = fromFixture.file();
        byte[] migrated = Files.readAllBytes(target);
        dialogs.answer(target);
        robot.push(KeyCode.CONTROL, KeyCode.O);
        Button undo = read(() -> robot.lookup("#undo").queryButton());
        waitFor(() -> undo.getText().startsWith("Undo migration ") && !undo.isDisabled());

        // a migration of that store into a new one, held once it has backed up what it writes
        planMigration(robot, target.toString(), run.resolve("copy.db").toString());
        write.holdAt(HeldJournalStep.Step.BACKED_UP);
        press(robot, "#migrate-run");
        assertThat(write.reached()).as("the migration backed up its target").isTrue();

        // the toolbar's Undo says why it waits, and it and Ctrl+Z refuse at once
        waitFor(() -> undo.getTooltip().getText().matches(WAIT));
        assertThat(read(undo::getAccessibleText)).matches(WAIT);
        robot.interact(undo::fire);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitFor(() -> dialogs.notifications().stream().filter(note -> note.matches("Not undone\\. " + WAIT)).count() == 2);

        // and so does History's Undo selected job
        robot.push(KeyCode.CONTROL, KeyCode.H);
        TableView<HistoryRow> history = read(() -> robot.lookup("#history-table").queryTableView());
        waitFor(() -> history.getItems().stream().anyMatch(row -> firstMigration(row, target)));
        robot.interact(() -> history.getSelectionModel().select(history.getItems().stream().filter(row -> firstMigration(row, target))
                .findFirst().orElseThrow()));
        Button undoSelected = read(() -> robot.lookup("#history-undo").queryButton());
        waitFor(() -> !undoSelected.isDisabled() && undoSelected.getTooltip().getText().matches(WAIT));
        robot.interact(undoSelected::fire);
        waitFor(() -> dialogs.notifications().stream().filter(note -> note.matches("Not undone\\. " + WAIT)).count() == 3);
        assertThat(dialogs.confirmations()).as("refused before asking").isEmpty();
        assertThat(Files.readAllBytes(target)).isEqualTo(migrated);

        // once the job has ended, Undo selected job undoes the first migration
        write.letGoOn();
        waitFor(() -> undoSelected.getTooltip().getText().startsWith("Put the store back") && !undo.getTooltip().getText().matches(WAIT));
        assertThat(StoreContents.records("sqlite:" + run.resolve("copy.db"))).hasSize(Fixtures.MINSKY_COUNT);
        dialogs.answer(true);
        robot.interact(undoSelected::fire);
        waitFor(() -> Arrays.equals(Files.readAllBytes(target), fromFixture.before()));
        assertThat(dialogs.errors()).isEmpty();
        assertThat(write.warnings()).isEmpty();
    }

    private static boolean firstMigration(HistoryRow row, Path target) {
        return row.job().undoableFromHistory() && row.job().target().orElse("").endsWith(target.getFileName().toString());
    }
}
