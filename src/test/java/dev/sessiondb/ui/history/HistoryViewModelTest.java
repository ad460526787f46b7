package dev.sessiondb.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.job.JobReport;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.migrate.MigrateJob;
import dev.sessiondb.job.migrate.MigrateOptions;
import dev.sessiondb.job.transfer.TargetMode;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.ViewModelFixture;
import dev.sessiondb.ui.wizard.JobSummary;
import dev.sessiondb.ui.wizard.JobUndoCommand;
import dev.sessiondb.ui.wizard.ReportedJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HistoryViewModelTest extends ViewModelFixture {

    private final List<String> warnings = new ArrayList<>();
    private BackupJournal journal;
    private Path target;
    private byte[] before;

    @BeforeEach
    void migrateIntoAnExistingStore() throws Exception {
        journal = CatalogRecorder.journal(directory.resolve("journal"), warnings::add);
        target = directory.resolve("target.json");
        StoreContents.create("json:" + target, SampleSessions.minskyList(3, 1));
        before = Files.readAllBytes(target);
        new MigrateJob(StoreLocator.parse("json:" + Fixtures.copy(Fixtures.MINSKY_ARRAY, directory)), StoreLocator.parse("json:" + target),
                new MigrateOptions(Optional.empty(), Optional.of(TargetMode.REPLACE), false, true), journal).run(ProgressMonitor.NONE);
        assertThat(StoreContents.records("json:" + target)).hasSize(Fixtures.MINSKY_COUNT);
    }

    @AfterEach
    void closeStore() {
        current.close();
    }

    @Test
    void openingTheTargetOfAMigrationOffersToUndoItAndUndoAsksFirst() throws Exception {
        new HistoryViewModel(current, journal, undo, executor, dialogs, ZoneOffset.UTC);

        current.show(StoreFactory.open("json:" + target, OpenMode.EXISTING));

        assertThat(undo.undoDescriptionProperty().get()).matches("migration .+\\.json → target\\.json \\(\\d\\d:\\d\\d:\\d\\d\\)");
        dialogs.answer(false);
        undo.undo();
        assertThat(Files.readAllBytes(target)).isNotEqualTo(before);

        dialogs.answer(true);
        undo.undo();
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        assertThat(dialogs.errors()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    /** D5: a job run in this window keeps its Undo when another store opens, on top of that store's own job history. */
    @Test
    void aJobRunHereStaysOnTopOfTheUndoStackWhenAnotherStoreOpens() throws Exception {
        new HistoryViewModel(current, journal, undo, executor, dialogs, ZoneOffset.UTC);
        Path other = directory.resolve("other.json");
        StoreContents.create("json:" + other, SampleSessions.minskyList(2, 5));
        byte[] otherBefore = Files.readAllBytes(other);
        JobReport intoOther = new MigrateJob(StoreLocator.parse("json:" + target), StoreLocator.parse("json:" + other),
                new MigrateOptions(Optional.empty(), Optional.of(TargetMode.REPLACE), false, true), journal).run(ProgressMonitor.NONE);
        JobUndoCommand ranHere = JobUndoCommand.ofReport(intoOther, journal, ZoneOffset.UTC);
        undo.record(ranHere, undone -> { });

        current.show(StoreFactory.open("json:" + target, OpenMode.EXISTING));

        assertThat(undo.undoDescriptionProperty().get()).isEqualTo(ranHere.description()).contains("→ other.json");
        undo.undo();
        assertThat(Files.readAllBytes(other)).isEqualTo(otherBefore);
        assertThat(undo.undoDescriptionProperty().get()).as("then the open store's own migration").contains("→ target.json");
    }

    /** A job's page, when the job is undone from the History view (which has its own command for it), says what the undo did. */
    @Test
    void aJobUndoneFromTheHistorySaysOnItsPageThatTheStoreItCreatedWasRemoved() throws Exception {
        Path made = directory.resolve("made.json");
        JobReport intoNew = new MigrateJob(StoreLocator.parse("json:" + target), StoreLocator.parse("json:" + made),
                new MigrateOptions(Optional.empty(), Optional.of(TargetMode.NEW), false, true), journal).run(ProgressMonitor.NONE);
        ObjectProperty<JobSummary> page = new SimpleObjectProperty<>();
        StringProperty status = new SimpleStringProperty("");
        ReportedJob.show(intoNew, JobSummary.ofFailure("migrate", new Exception("shown")), page, status, undo, journal);
        HistoryViewModel viewModel = new HistoryViewModel(current, journal, undo, executor, dialogs, ZoneOffset.UTC);
        viewModel.refresh();

        viewModel.selectedProperty().set(viewModel.rows().get(0));
        dialogs.answer(true);
        viewModel.undoSelected();

        assertThat(made).doesNotExist();
        String removed = "Removed json:" + made + ": it did not exist before the job that took backup " + intoNew.backupId().orElseThrow() + " created it.";
        assertThat(status.get()).as("said once, on the page").isEqualTo("Undone.");
        assertThat(page.get().headline()).endsWith(" was taken back. " + removed);
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void theViewListsTheJobsAndUndoesTheSelectedOne() throws Exception {
        HistoryViewModel viewModel = new HistoryViewModel(current, journal, undo, executor, dialogs, ZoneOffset.UTC);
        viewModel.refresh();

        assertThat(viewModel.rows()).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo("migrate");
            assertThat(row.stores()).endsWith(" → target.json");
            assertThat(row.outcome()).isEqualTo("completed");
            assertThat(row.story().lines()).anyMatch(line -> line.startsWith("Counts: ") && line.contains("source sessions 217"));
            assertThat(row.undone()).isEmpty();
        });
        assertThat(viewModel.canUndoSelected().get()).isFalse();
        StringBinding story = viewModel.selectedStory();
        assertThat(story.get()).isEqualTo(HistoryViewModel.NONE_SELECTED);

        viewModel.selectedProperty().set(viewModel.rows().get(0));
        assertThat(viewModel.canUndoSelected().get()).isTrue();
        assertThat(story.get()).isEqualTo(viewModel.rows().get(0).story());
        dialogs.answer(true);
        viewModel.undoSelected();
        current.changed();

        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        assertThat(viewModel.rows()).extracting(HistoryRow::kind).containsExactly("undo", "migrate");
        assertThat(viewModel.rows().get(1).undone()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        viewModel.selectedProperty().set(viewModel.rows().get(1));
        assertThat(viewModel.canUndoSelected().get()).isFalse();
    }

    /** Undo selected job is off for a job already undone, and a disabled button shows no tooltip: the reason is said beside it. */
    @Test
    void aJobAlreadyUndoneSaysWhyItCannotBeUndoneAgain() {
        HistoryViewModel viewModel = new HistoryViewModel(current, journal, undo, executor, dialogs, ZoneOffset.UTC);
        viewModel.refresh();
        StringBinding whyNot = viewModel.whyNotUndoable();
        assertThat(whyNot.get()).as("none selected").isEmpty();
        viewModel.selectedProperty().set(viewModel.rows().get(0));
        assertThat(whyNot.get()).as("the migration can be undone").isEmpty();
        dialogs.answer(true);
        viewModel.undoSelected();
        current.changed();

        viewModel.selectedProperty().set(viewModel.rows().get(1));

        assertThat(whyNot.get()).isEqualTo("Already undone at " + viewModel.rows().get(1).undone()
                + ": to bring it back, undo that undo (its row above).");
    }

    /** The undo's dialog says it can itself be undone: its row in the view does so, bringing the migration back. */
    @Test
    void anUndoSelectedInTheViewIsUndoneAndTheJobIsBackInTheStore() {
        HistoryViewModel viewModel = new HistoryViewModel(current, journal, undo, executor, dialogs, ZoneOffset.UTC);
        viewModel.refresh();
        viewModel.selectedProperty().set(viewModel.rows().get(0));
        dialogs.answer(true);
        viewModel.undoSelected();
        current.changed();

        viewModel.selectedProperty().set(viewModel.rows().get(0));
        assertThat(viewModel.selectedProperty().get().kind()).isEqualTo("undo");
        assertThat(viewModel.canUndoSelected().get()).isTrue();
        dialogs.answer(true);
        viewModel.undoSelected();
        current.changed();

        assertThat(StoreContents.records("json:" + target)).hasSize(Fixtures.MINSKY_COUNT);
        assertThat(viewModel.rows()).extracting(HistoryRow::kind).containsExactly("undo", "undo", "migrate");
        assertThat(viewModel.rows().get(2).undone()).as("the migration is in the store again").isEmpty();
        assertThat(dialogs.errors()).isEmpty();
        assertThat(warnings).isEmpty();
    }
}
