package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.click;
import static dev.sessiondb.ui.WindowSteps.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.history.HistoryRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Undo belongs to the store: a job run before the store was opened is undone with Ctrl+Z once it is open (issue #11). */
class StoreUndoFlowTest extends WindowOverFreshRun {

    private final List<String> warnings = new ArrayList<>();
    private BackupJournal journal;

    @Start
    void start(Stage stage) {
        journal = CatalogRecorder.journal(run.resolve("journal"), warnings::add);
        show(stage, journal);
    }

    @Test
    void migrateThenOpenTheTargetThenCtrlZRestoresTheTarget(FxRobot robot) throws Exception {
        Path target = run.resolve("target.json");
        StoreContents.create("json:" + target, SampleSessions.minskyList(3, 1));
        byte[] before = Files.readAllBytes(target);
        migrateTheFixtureInto(target);
        assertThat(StoreContents.records("json:" + target)).hasSize(Fixtures.MINSKY_COUNT);

        Button undo = open(robot, target);
        // the button's text is cut short in the middle when long; its tooltip names the step whole
        waitFor(() -> undo.getText().matches("Undo migration .+ → target\\.json \\(\\d\\d:\\d\\d:\\d\\d\\)")
                && undo.getTooltip().getText().matches("Undo the migration .+\\.json → target\\.json \\(\\d\\d:\\d\\d:\\d\\d\\) \\(Ctrl\\+Z\\)"));

        dialogs.answer(true);
        robot.push(KeyCode.CONTROL, KeyCode.Z);

        waitFor(() -> Arrays.equals(Files.readAllBytes(target), before));
        assertThat(StoreContents.records("json:" + target)).hasSize(3);
        robot.push(KeyCode.CONTROL, KeyCode.H);
        TableView<HistoryRow> history = read(() -> robot.lookup("#history-table").queryTableView());
        waitFor(() -> history.getItems().size() == 2 && !history.getItems().get(1).undone().isEmpty());
        assertThat(read(() -> List.copyOf(history.getItems()))).extracting(HistoryRow::kind).containsExactly("undo", "migrate");
        assertThat(dialogs.errors()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    /** A SQLite target shown in the window is restored while its table stays open. */
    @Test
    void migrateThenOpenTheSqliteTargetThenCtrlZRestoresIt(FxRobot robot) throws Exception {
        Path target = run.resolve("target.db");
        StoreContents.create("sqlite:" + target, SampleSessions.minskyList(3, 1));
        new MigrateJob(StoreLocator.parse("json:" + TestStores.fixtureCopy(run)), StoreLocator.parse("sqlite:" + target),
                new MigrateOptions(Optional.empty(), Optional.of(TargetMode.REPLACE), false, true), journal).run(ProgressMonitor.NONE);
        assertThat(StoreContents.records("sqlite:" + target)).hasSize(Fixtures.MINSKY_COUNT);

        Button undo = open(robot, target);
        waitFor(() -> undo.getText().startsWith("Undo migration "));
        dialogs.answer(true);
        robot.push(KeyCode.CONTROL, KeyCode.Z);

        waitFor(() -> !dialogs.errors().isEmpty() || dialogs.notifications().stream().anyMatch(note -> note.startsWith("Undone: migration ")));
        assertThat(dialogs.errors()).isEmpty();
        assertThat(StoreContents.records("sqlite:" + target)).hasSize(3);
        Label count = read(() -> robot.lookup("#session-count").queryAs(Label.class));
        waitFor(() -> count.getText().equals("3 sessions"));
        assertThat(warnings).isEmpty();
    }

    /**
     * Minsky wrote to the target after the job: Ctrl+Z says so and undoes only once confirmed, as the command line refuses
     * without --force. (A SQLite target open in the window cannot be restored yet: SQLITE_BUSY, on main as well.)
     */
    @Test
    void aWriteAfterTheJobIsToldBeforeCtrlZUndoesIt(FxRobot robot) throws Exception {
        Path target = run.resolve("target.json");
        StoreContents.create("json:" + target, SampleSessions.minskyList(3, 1));
        migrateTheFixtureInto(target);
        try (SessionStore minsky = StoreFactory.open(StoreLocator.parse("json:" + target), OpenMode.EXISTING)) {
            minsky.put(SampleSessions.minskyRecord(900, 9));
        }
        Button undo = open(robot, target);
        waitFor(() -> undo.getText().startsWith("Undo migration "));

        dialogs.answer(false);
        robot.push(KeyCode.CONTROL, KeyCode.Z);

        waitFor(() -> dialogs.confirmations().size() == 1 && undo.getText().startsWith("Undo migration "));
        assertThat(dialogs.confirmations().get(0)).contains("json:" + target + " changed after the migrate that took backup ",
                "removes those later changes from the store", "anyway? The store as it is now, with those later changes, is backed up first");
        assertThat(StoreContents.records("json:" + target)).hasSize(Fixtures.MINSKY_COUNT + 1);

        dialogs.answer(true);
        robot.push(KeyCode.CONTROL, KeyCode.Z);

        waitFor(() -> !dialogs.errors().isEmpty() || dialogs.notifications().stream().anyMatch(note -> note.startsWith("Undone: migration ")));
        assertThat(dialogs.errors()).isEmpty();
        assertThat(StoreContents.records("json:" + target)).hasSize(3);
        assertThat(warnings).isEmpty();
    }

    /**
     * The audit: an edit saved in the window, then another program rewrote the file (the edited session and two more);
     * once the store is opened again, Ctrl+Z says the store changed after the edit and keeps their changes unless confirmed.
     */
    @Test
    void anEditUndoneAfterAnotherProgramWroteAsksAndKeepsTheirChanges(FxRobot robot) throws Exception {
        Path store = TestStores.fixtureCopy(run);
        Button undo = open(robot, store);
        TextField search = read(() -> robot.lookup("#session-search").queryAs(TextField.class));
        robot.interact(() -> search.setText("004"));
        // the search applies after a pause in typing: until then the first row is another session
        waitFor(() -> text(robot, "#session-count").equals("1 of " + Fixtures.MINSKY_COUNT + " sessions"));
        robot.clickOn(WindowSteps.sessionCell(robot, 0));
        waitFor(() -> robot.lookup("#detail-title").queryAs(Label.class).getText().equals("004"));
        click(robot, "#edit-session");
        waitFor(() -> robot.lookup("#edit-branch").tryQuery().isPresent());
        TextField branch = read(() -> robot.lookup("#edit-branch").queryAs(TextField.class));
        robot.interact(() -> branch.setText("mine"));
        click(robot, "#save-session");
        waitFor(() -> undo.getText().equals("Undo edit of 004"));
        try (SessionStore minsky = StoreFactory.open(StoreLocator.parse("json:" + store), OpenMode.EXISTING)) {
            for (String key : List.of("004", "task#002", "task#011")) {
                minsky.put(minsky.get(key).orElseThrow().with("status", "theirs"));
            }
        }
        byte[] theirs = Files.readAllBytes(store);

        open(robot, store);
        waitFor(() -> undo.getText().matches("Undo edit of 004 \\(\\d\\d:\\d\\d:\\d\\d\\)"));
        dialogs.answer(false);
        robot.push(KeyCode.CONTROL, KeyCode.Z);

        waitFor(() -> dialogs.confirmations().size() == 1 && undo.getText().startsWith("Undo edit of 004 "));
        assertThat(dialogs.confirmations().get(0)).contains("json:" + store + " changed after the edit that took backup ",
                "removes those later changes from the store").doesNotContain("could not be checked");
        assertThat(Files.readAllBytes(store)).isEqualTo(theirs);
        assertThat(dialogs.errors()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    /**
     * The audit: the window showed a store a job had made, a later job wrote it from the command line; the toolbar still
     * offered the first job without naming the later one, and undoing it (the store removed) popped "Cannot read …".
     */
    @Test
    void aLaterJobIsNamedThenOfferedAndUndoingTheJobThatMadeTheStoreClosesIt(FxRobot robot) throws Exception {
        Path made = run.resolve("made.json");
        new MigrateJob(StoreLocator.parse("json:" + TestStores.fixtureCopy(run)), StoreLocator.parse("json:" + made),
                new MigrateOptions(Optional.empty(), Optional.of(TargetMode.NEW), false, true), journal).run(ProgressMonitor.NONE);
        Button undo = open(robot, made);
        waitFor(() -> offers(undo, "session-db.json → made.json"));
        Path later = run.resolve("later.json");
        StoreContents.create("json:" + later, List.of(SampleSessions.minskyRecord(900, 9)));
        String laterJob = new MigrateJob(StoreLocator.parse("json:" + later), StoreLocator.parse("json:" + made),
                new MigrateOptions(Optional.empty(), Optional.of(TargetMode.MERGE), false, true), journal).run(ProgressMonitor.NONE).runId();

        dialogs.answer(false);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitFor(() -> dialogs.confirmations().size() == 1);
        assertThat(dialogs.confirmations().get(0)).contains("it also removes the changes of the later job migrate json:" + later + " -> json:"
                + made + " (run " + laterJob + ")");

        waitFor(() -> robot.lookup("#external-changes").query().isVisible());
        click(robot, "#external-changes-reload");
        waitFor(() -> offers(undo, "later.json → made.json"));
        dialogs.answer(true);
        robot.push(KeyCode.CONTROL, KeyCode.Z); // right after the reload bar's click, which once left the focus in the search field
        waitFor(() -> offers(undo, "session-db.json → made.json") && !undo.isDisabled());
        dialogs.answer(true);
        robot.clickOn(undo);

        waitFor(() -> !dialogs.errors().isEmpty() || dialogs.notifications().stream().anyMatch(note -> note.contains("Removed json:" + made)));
        assertThat(dialogs.errors()).isEmpty();
        assertThat(made).doesNotExist();
        assertThat(dialogs.notifications()).last().asString().contains("The state it replaced is backup ", "puts it back");
        assertThat(warnings).isEmpty();
    }

    /**
     * Ctrl+Z twice takes back two migrations: the second undo puts the store back as it was before the first migration, so
     * the first undo's work is gone from it too. History listed that first undo as not undone and offered it (Undo selected
     * job, bringing back both migrations) beside the second; now it says which undo took it out, offers only the second, and
     * offers the first again once the second is undone, while the toolbar offers the migration that brings back.
     */
    @Test
    void ctrlZTwiceListsTheFirstUndoAsUndoneByTheSecondAndOffersItAgainOnceTheSecondIsUndone(FxRobot robot) throws Exception {
        Path target = run.resolve("target.json");
        StoreContents.create("json:" + target, SampleSessions.minskyList(3, 1));
        Path first = run.resolve("first.json");
        StoreContents.create("json:" + first, SampleSessions.minskyList(5, 2));
        new MigrateJob(StoreLocator.parse("json:" + first), StoreLocator.parse("json:" + target),
                new MigrateOptions(Optional.empty(), Optional.of(TargetMode.REPLACE), false, true), journal).run(ProgressMonitor.NONE);
        migrateTheFixtureInto(target);
        Button undo = open(robot, target);
        for (int undone = 1; undone <= 2; undone++) {
            int notes = dialogs.notifications().size();
            waitFor(() -> undo.getText().startsWith("Undo migration ") && !undo.isDisabled());
            dialogs.answer(true);
            robot.push(KeyCode.CONTROL, KeyCode.Z);
            waitFor(() -> dialogs.notifications().stream().skip(notes).anyMatch(note -> note.startsWith("Undone: migration ")));
        }
        waitFor(() -> undo.getText().equals("Undo") && undo.isDisabled());
        assertThat(StoreContents.records("json:" + target)).hasSize(3);

        robot.push(KeyCode.CONTROL, KeyCode.H);
        TableView<HistoryRow> history = read(() -> robot.lookup("#history-table").queryTableView());
        waitFor(() -> history.getItems().size() == 4 && !history.getItems().get(1).undone().isEmpty());
        HistoryRow secondUndo = read(() -> history.getItems().get(0));
        HistoryRow firstUndo = read(() -> history.getItems().get(1));
        assertThat(read(() -> List.copyOf(history.getItems()))).extracting(HistoryRow::kind).containsExactly("undo", "undo", "migrate", "migrate");
        assertThat(secondUndo.undone()).isEmpty();
        TextArea whole = read(() -> robot.lookup("#history-run-text").query());
        assertThat(read(() -> whole.getText())).startsWith("Select a job to read it whole here");
        Button undoSelected = read(() -> robot.lookup("#history-undo").queryButton());
        robot.interact(() -> history.getSelectionModel().select(firstUndo));
        waitFor(() -> undoSelected.isDisabled() && whole.getText().endsWith("Run: " + firstUndo.job().runId()));
        // a disabled button shows no tooltip: why it is off is said beside it
        assertThat(read(() -> robot.lookup("#history-why-not-undoable").query().isVisible()
                && WindowSteps.text(robot, "#history-why-not-undoable").startsWith("Already undone at " + firstUndo.undone()))).isTrue();
        // the whole story below the table, where a row's columns once cut it or left it off-screen behind a sideways scroll
        assertThat(read(() -> whole.getText()).lines()).contains("Stores: json:" + target)
                .anyMatch(line -> line.startsWith("Undone " + firstUndo.undone() + " by the undo of migrate json:" + first)
                        && line.contains("(run " + secondUndo.job().runId() + ")"))
                .anyMatch(line -> line.startsWith("Backup: "));
        // the whole width of Monocle's screen, 1280 px: narrower than the 1440 px the columns are sized for
        robot.interact(() -> history.getScene().getWindow().setWidth(Screen.getPrimary().getBounds().getWidth()));
        waitFor(() -> WindowSteps.readWhole(WindowSteps.columnCells(history, "Stores")) && WindowSteps.readWhole(WindowSteps.columnCells(history, "Outcome"))
                && !horizontalBarShown(history));
        robot.interact(() -> history.getSelectionModel().select(secondUndo));
        waitFor(() -> !undoSelected.isDisabled());

        dialogs.answer(true);
        robot.interact(undoSelected::fire);

        waitFor(() -> history.getItems().size() == 5 && history.getItems().get(2).undone().isEmpty());
        assertThat(dialogs.confirmations()).last().asString().contains("brings back the changes of migrate json:" + first);
        robot.interact(() -> history.getSelectionModel().select(2));
        waitFor(() -> !undoSelected.isDisabled());
        assertThat(read(() -> history.getItems().get(2)).job().runId()).isEqualTo(firstUndo.job().runId());
        waitFor(() -> undo.getText().startsWith("Undo migration first.json → target.json"));
        assertThat(StoreContents.records("json:" + target)).hasSize(5);
        assertThat(dialogs.errors()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    /**
     * A walk: a repair undone from History left Validate's Apply page saying "Undone: …" over the repair's counts and its "needs a
     * person" lines, which read as the store's state now. The page says the store is as before the repair, to validate it again.
     */
    @Test
    void aRepairUndoneFromHistoryLeavesTheApplyPageWithoutItsCounts(FxRobot robot) throws Exception {
        Path fixture = TestStores.fixtureCopy(run);
        byte[] original = Files.readAllBytes(fixture);
        WindowSteps.validateInWizard(robot, fixture);
        WindowSteps.applyTickedFixes(robot);

        WindowSteps.undoNewestFromHistory(robot, dialogs, "repair", fixture, original);

        WindowSteps.openFromJobsMenu(robot, "Validate and repair a store…");
        waitFor(() -> text(robot, "#validate-result-headline").startsWith("Undone: the repair of "));
        assertThat(read(() -> robot.lookup("#validate-result-counts").queryAs(GridPane.class).getChildren())).as("the undone repair's counts").isEmpty();
        assertThat(read(() -> List.copyOf(robot.lookup("#validate-result-lines").queryListView().getItems()))).singleElement().asString()
                .contains("as it was before the repair").contains("Validate again");
    }

    private void migrateTheFixtureInto(Path target) {
        new MigrateJob(StoreLocator.parse("json:" + TestStores.fixtureCopy(run)), StoreLocator.parse("json:" + target),
                new MigrateOptions(Optional.empty(), Optional.of(TargetMode.REPLACE), false, true), journal).run(ProgressMonitor.NONE);
    }

    /** Whether the Undo button offers the migration {@code route}, as its tooltip names it whole. */
    private static boolean offers(Button undo, String route) {
        return undo.getTooltip() != null && undo.getTooltip().getText().startsWith("Undo the migration " + route);
    }

    /** Opens the store with Ctrl+O; returns the Undo button. */
    private Button open(FxRobot robot, Path store) {
        dialogs.answer(store);
        robot.push(KeyCode.CONTROL, KeyCode.O);
        return read(() -> robot.lookup("#undo").queryButton());
    }

    private static boolean horizontalBarShown(TableView<HistoryRow> table) {
        return table.lookupAll(".scroll-bar").stream().anyMatch(bar -> bar instanceof ScrollBar scroll
                && scroll.getOrientation() == Orientation.HORIZONTAL && scroll.isVisible());
    }
}
