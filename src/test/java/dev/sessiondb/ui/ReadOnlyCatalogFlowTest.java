package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.catalog.Catalog;
import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.faults.TmpfsMount;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.ui.history.HistoryRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The History view over a catalog that can only be read (a read-only file system), as the command line's history warns of
 * it: the jobs as last recorded, the warning above them, and an Undo that says at once why it cannot be recorded instead
 * of failing once the store is half way back.
 */
class ReadOnlyCatalogFlowTest extends WindowOverFreshRun {

    private final List<String> warnings = new ArrayList<>();
    private TmpfsMount mount;
    private BackupJournal journal;

    @Start
    void start(Stage stage) {
        mount = TmpfsMount.of(run.resolve("mounted"), 8192);
        journal = CatalogRecorder.journal(mount.folder().resolve("journal"), warnings::add);
        show(stage, journal);
    }

    @AfterEach
    void unmount() {
        mount.writable();
        mount.close();
    }

    @Test
    void historyWarnsThatTheCatalogCannotBeWrittenAndItsUndoSaysWhyBeforeChangingAnything(FxRobot robot) throws Exception {
        Path target = TestStores.migratedSampleTarget(run, journal).file();
        byte[] migrated = Files.readAllBytes(target);
        mount.readOnly();

        robot.push(KeyCode.CONTROL, KeyCode.H);
        Label warning = read(() -> robot.lookup("#history-read-only").queryAs(Label.class));
        TableView<HistoryRow> history = read(() -> robot.lookup("#history-table").queryTableView());
        waitFor(() -> warning.isVisible() && history.getItems().size() == 1);
        assertThat(read(warning::getText)).startsWith("The catalog " + journal.root().toAbsolutePath().resolve(Catalog.FILE_NAME) + " cannot be written")
                .contains("the history is shown as last recorded", "make both writable for you (chmod u+w), then Refresh",
                        "meanwhile Undo (Ctrl+Z) and Undo selected job refuse")
                .doesNotContain("--backup-dir");
        assertThat(read(() -> history.getItems().get(0).kind())).isEqualTo("migrate");

        Button undo = read(() -> robot.lookup("#history-undo").queryButton());
        robot.interact(() -> history.getSelectionModel().select(0));
        waitFor(() -> !undo.isDisabled());
        assertThat(read(() -> undo.getTooltip().getText())).isEqualTo("Refuses while the job history cannot be written (see the line above)");
        robot.interact(undo::fire);

        waitFor(() -> !dialogs.errors().isEmpty());
        assertThat(dialogs.errors()).singleElement().asString().startsWith("Not undone: the job history cannot record it: Nothing was changed. The catalog ");
        assertThat(dialogs.confirmations()).as("refused before asking").isEmpty();
        assertThat(Files.readAllBytes(target)).isEqualTo(migrated);
        assertThat(StoreContents.records("json:" + target)).hasSize(Fixtures.MINSKY_COUNT);

        mount.writable();
        WindowSteps.click(robot, "#history-refresh");
        waitFor(() -> !warning.isVisible());
        assertThat(read(() -> undo.getTooltip().getText())).startsWith("Put the store back");
    }

    /** The toolbar's Undo and Ctrl+Z refuse as History's Undo does, at once and for the same reason, which their tooltip gives. */
    @Test
    void theToolbarsUndoAndCtrlZRefuseAtOnceForTheSameReason(FxRobot robot) throws Exception {
        Path target = TestStores.migratedSampleTarget(run, journal).file();
        byte[] migrated = Files.readAllBytes(target);
        mount.readOnly();

        dialogs.answer(target);
        robot.push(KeyCode.CONTROL, KeyCode.O);
        Button undo = read(() -> robot.lookup("#undo").queryButton());
        waitFor(() -> undo.getText().startsWith("Undo migration ") && !undo.isDisabled()
                && undo.getTooltip().getText().equals("Refuses while the job history cannot be written (see the History view)"));
        robot.interact(undo::fire);
        robot.push(KeyCode.CONTROL, KeyCode.Z);

        waitFor(() -> dialogs.errors().size() == 2);
        assertThat(dialogs.errors()).allSatisfy(error -> assertThat(error).startsWith("Not undone: the job history cannot record it: Nothing was"
                + " changed. The catalog " + journal.root().toAbsolutePath().resolve(Catalog.FILE_NAME) + " cannot be written"));
        assertThat(dialogs.confirmations()).as("refused before asking").isEmpty();
        assertThat(Files.readAllBytes(target)).isEqualTo(migrated);

        mount.writable();
        robot.push(KeyCode.CONTROL, KeyCode.H);
        WindowSteps.click(robot, "#history-refresh");
        waitFor(() -> undo.getTooltip().getText().matches("Undo the migration .+ → target\\.json \\(\\d\\d:\\d\\d:\\d\\d\\) \\(Ctrl\\+Z\\)"));
    }
}
