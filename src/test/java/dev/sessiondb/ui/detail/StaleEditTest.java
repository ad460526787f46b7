package dev.sessiondb.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.ui.ScriptedDialogService;
import dev.sessiondb.ui.TestStores;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.CurrentThreadTaskExecutor;
import dev.sessiondb.ui.common.UndoStack;
import dev.sessiondb.ui.diff.FieldRow;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An edit or deletion in the app against a record another program changed is refused, both versions shown, nothing overwritten. */
class StaleEditTest {

    @TempDir
    Path directory;

    private final CurrentStore current = new CurrentStore();
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final UndoStack undo = new UndoStack(executor, dialogs);
    private DetailViewModel viewModel;
    private SessionStore otherProgram;

    @BeforeEach
    void openTheSameStoreTwice() {
        viewModel = new DetailViewModel(current, executor, dialogs, undo, new BackupJournal(directory.resolve("journal")));
        undo.onChange(command -> current.changed());
        current.show(TestStores.openFixtureCopy(directory));
        otherProgram = StoreFactory.open(current.store().locator(), OpenMode.EXISTING);
        current.selectedKeyProperty().set("task#002");
    }

    @AfterEach
    void close() {
        otherProgram.close();
        current.close();
    }

    @Test
    void anEditOfARecordChangedUnderneathIsRefusedWithBothVersionsSideBySide() {
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
        assertThat(undo.canUndo()).as("a refused edit is nothing to undo").isFalse();

        viewModel.reloadAfterConflict();
        assertThat(viewModel.conflictProperty().get()).isEmpty();
        assertThat(viewModel.recordProperty().get()).isEqualTo(theirs);
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
    void undoDoesNotOverwriteAChangeMadeAfterTheEdit() {
        viewModel.startEditing();
        formField("branch").set("my-branch");
        viewModel.save();
        SessionRecord theirs = otherProgram.get("task#002").orElseThrow().with("status", "THEIRS-AFTER");
        otherProgram.put(theirs);

        undo.undo();

        assertThat(current.store().get("task#002")).contains(theirs);
    }

    private javafx.beans.property.StringProperty formField(String name) {
        return viewModel.form().stream().filter(field -> field.field().name().equals(name)).findFirst().orElseThrow().text();
    }
}
