package dev.sessiondb.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.catalog.HistoryReader;
import dev.sessiondb.catalog.PastJob;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.job.backup.RunIds;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.ui.TestStores;
import dev.sessiondb.ui.ViewModelFixture;
import dev.sessiondb.ui.diff.FieldRow;
import dev.sessiondb.ui.wizard.JobUndoCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An edit or deletion in the app against a record another program changed is refused, both versions shown, nothing
 * overwritten, and leaves no backup to undo. An edit is a run of the history like a job: it ends with the store's change
 * mark, so undoing it from the history after another program wrote asks first.
 */
class StaleEditTest extends ViewModelFixture {

    private final List<String> warnings = new ArrayList<>();
    private BackupJournal journal;
    private DetailViewModel viewModel;
    private SessionStore otherProgram;
    private Path file;

    @BeforeEach
    void openTheSameStoreTwice() {
        journal = CatalogRecorder.journal(directory.resolve("journal"), warnings::add);
        viewModel = new DetailViewModel(current, executor, dialogs, undo, journal);
        undo.onChange(command -> current.changed());
        current.show(TestStores.openFixtureCopy(directory));
        file = current.store().locator().localPath().orElseThrow();
        otherProgram = StoreFactory.open(current.store().locator(), OpenMode.EXISTING);
        current.selectedKeyProperty().set("task#002");
    }

    @AfterEach
    void close() {
        otherProgram.close();
        current.close();
    }

    @Test
    void anEditOfARecordChangedUnderneathIsRefusedWithBothVersionsSideBySideAndLeavesNothingToUndo() {
        SessionRecord theirs = otherProgram.get("task#002").orElseThrow().with("status", "THEIRS");
        viewModel.startEditing();
        otherProgram.put(theirs);

        formField("branch").set("my-branch");
        viewModel.save();

        assertThat(current.store().get("task#002")).contains(theirs);
        assertThat(viewModel.conflictProperty().get()).contains("task#002 was changed by another program", "nothing was written");
        assertThat(viewModel.conflictRows()).filteredOn(row -> row.path().equals("status")).singleElement()
                .satisfies(row -> {
                    assertThat(row.state()).isEqualTo(FieldRow.State.CHANGED);
                    assertThat(row.b()).contains("THEIRS");
                    assertThat(row.a()).doesNotContain("THEIRS");
                });
        assertThat(viewModel.conflictRows()).as("the typed value is kept beside theirs, not lost with the form")
                .filteredOn(row -> row.path().equals("branch")).singleElement()
                .satisfies(row -> assertThat(row.a()).contains("my-branch"));
        assertThat(undo.canUndo()).as("a refused edit is nothing to undo").isFalse();
        assertThat(journal.list()).as("its backup went").isEmpty();
        HistoryReader history = new HistoryReader(journal);
        assertThat(history.jobs(Optional.empty(), 10)).extracting(PastJob::kind, PastJob::ending, PastJob::undoable)
                .containsExactly(tuple("edit", "refused", false));
        assertThat(history.undoable(current.store().locator())).isEmpty();
        assertThat(warnings).isEmpty();

        viewModel.reloadAfterConflict();
        assertThat(viewModel.conflictProperty().get()).isEmpty();
        assertThat(viewModel.recordProperty().get()).isEqualTo(theirs);
    }

    @Test
    void aRefusalStaysOpenAcrossReloadsShowingTheStoreAsItIsNowAndClosesWhenTheStoreHoldsTheUsersVersion() {
        viewModel.startEditing();
        otherProgram.put(otherProgram.get("task#002").orElseThrow().with("status", "THEIRS"));
        formField("branch").set("my-branch");
        viewModel.save();
        SessionRecord mine = undoneEdit();
        assertThat(statusRow().b()).contains("THEIRS");

        SessionRecord later = otherProgram.get("task#002").orElseThrow().with("status", "THEIRS-LATER");
        otherProgram.put(later);
        current.changed();

        assertThat(viewModel.conflictProperty().get()).as("still refused: the edit was not written").contains("nothing was written");
        assertThat(statusRow().b()).as("the store as it is now, not as it was at the refusal").contains("THEIRS-LATER");
        assertThat(statusRow().a()).doesNotContain("THEIRS");
        assertThat(viewModel.conflictRows()).filteredOn(row -> row.path().equals("branch")).singleElement()
                .satisfies(row -> assertThat(row.a()).contains("my-branch"));
        assertThat(viewModel.recordProperty().get()).isEqualTo(later);

        otherProgram.put(mine);
        current.changed();

        assertThat(viewModel.conflictProperty().get()).as("the store holds the user's version: nothing left to resolve").isEmpty();
        assertThat(viewModel.conflictRows()).isEmpty();
        assertThat(viewModel.recordProperty().get()).isEqualTo(mine);
    }

    @Test
    void aDeletionOfARecordChangedUnderneathIsRefused() {
        SessionRecord theirs = otherProgram.get("task#002").orElseThrow().with("status", "THEIRS");
        otherProgram.put(theirs);

        dialogs.answer(true);
        viewModel.delete();

        assertThat(current.store().get("task#002")).contains(theirs);
        assertThat(viewModel.conflictProperty().get()).contains("was changed by another program");
        assertThat(viewModel.conflictRows()).anySatisfy(row -> assertThat(row.b()).contains("THEIRS"));
    }

    @Test
    void undoingAnEditFromTheHistoryAfterAnotherProgramWroteAsksAndKeepsTheirChangesUnlessConfirmed() throws Exception {
        editBranch();
        for (String key : List.of("task#002", "004", "task#011")) {
            otherProgram.put(otherProgram.get(key).orElseThrow().with("status", "THEIRS"));
        }
        byte[] theirs = Files.readAllBytes(file);

        PastJob edit = new HistoryReader(journal).undoable(current.store().locator()).get(0);
        assertThat(edit.kind()).isEqualTo("edit");
        assertThat(edit.ending()).isEqualTo("completed");
        dialogs.answer(false);
        undo.undo(JobUndoCommand.ofPastJob(edit, journal, ZoneId.of("UTC")));

        assertThat(dialogs.confirmations()).singleElement().asString()
                .contains(" changed after the edit that took backup ", "removes those later changes from the store")
                .doesNotContain("could not be checked");
        assertThat(Files.readAllBytes(file)).isEqualTo(theirs);
        assertThat(dialogs.errors()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void undoDoesNotOverwriteAChangeMadeAfterTheEditAndLeavesTheEditUndoable() {
        editBranch();
        SessionRecord theirs = otherProgram.get("task#002").orElseThrow().with("status", "THEIRS-AFTER");
        otherProgram.put(theirs);

        undo.undo();

        assertThat(current.store().get("task#002")).contains(theirs);
        assertThat(dialogs.errors()).singleElement().asString().contains("nothing was written");
        assertThat(journal.list()).singleElement().satisfies(backup -> assertThat(backup.restoredAt()).isEmpty());
        assertThat(new HistoryReader(journal).jobs(Optional.empty(), 10)).extracting(PastJob::kind, PastJob::ending, PastJob::undoable)
                .containsExactly(tuple("edit-undo", "refused", false), tuple("edit", "completed", true));
        assertThat(undo.canUndo()).isTrue();
        assertThat(undo.undoDescriptionProperty().get()).isEqualTo("edit of task#002");
    }

    @Test
    void anEditUndoneInTheWindowEndsBothRunsAndLetsGoOfTheirLocks() {
        editBranch();

        undo.undo();

        assertThat(dialogs.errors()).isEmpty();
        assertThat(new HistoryReader(journal).jobs(Optional.empty(), 10)).extracting(PastJob::kind, PastJob::ending)
                .containsExactly(tuple("edit-undo", "completed"), tuple("edit", "completed"));
        assertThat(new HistoryReader(journal).undoable(current.store().locator())).isEmpty();
        assertThat(journal.list()).allSatisfy(backup -> assertThat(journal.mayBeRunning(RunIds.runIdOf(backup))).isFalse());
    }

    private void editBranch() {
        viewModel.startEditing();
        formField("branch").set("my-branch");
        viewModel.save();
        assertThat(dialogs.errors()).isEmpty();
    }

    /** The user's version the refusal did not write, as the form made it. */
    private SessionRecord undoneEdit() {
        return RecordEdit.apply(viewModel.recordProperty().get(), viewModel.form().stream()
                .collect(Collectors.toMap(field -> field.field().name(), field -> field.text().get(), (a, b) -> a, LinkedHashMap::new))).record();
    }

    private FieldRow statusRow() {
        return viewModel.conflictRows().stream().filter(row -> row.path().equals("status")).findFirst().orElseThrow();
    }

    private StringProperty formField(String name) {
        return viewModel.form().stream().filter(field -> field.field().name().equals(name)).findFirst().orElseThrow().text();
    }
}
