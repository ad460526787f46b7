package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.ui.ScriptedDialogService;
import dev.sessiondb.ui.TestStores;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.CurrentThreadTaskExecutor;
import dev.sessiondb.ui.common.UndoStack;
import dev.sessiondb.ui.detail.DetailViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edit saved in the window, as the command line's history and undo see it (the audit: an undo of an edit put the
 * whole file back over three sessions another program changed since, and a refused edit was listed as saved).
 */
class EditUndoCommandLineTest {

    @TempDir
    Path dir;

    private final CurrentStore window = new CurrentStore();
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final List<String> warnings = new ArrayList<>();
    private DetailViewModel detail;
    private Path file;

    @BeforeEach
    void showSession004() {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        detail = new DetailViewModel(window, executor, dialogs, new UndoStack(executor, dialogs),
                CatalogRecorder.journal(dir.resolve("journal"), warnings::add));
        window.show(TestStores.openFixtureCopy(dir));
        file = window.store().locator().localPath().orElseThrow();
        window.selectedKeyProperty().set("004");
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void undoOfAnEditRefusesUntilForcedWhenAnotherProgramWroteAfterIt() throws Exception {
        detail.startEditing();
        branch("my-branch");
        detail.save();
        writeAsAnotherProgram("004", "task#002", "task#011");
        byte[] theirs = Files.readAllBytes(file);

        CliRun undo = undo();

        assertThat(undo.exitCode()).isEqualTo(SessionDbCommand.BAD_INPUT);
        assertThat(undo.err()).contains(" changed after the edit that took backup ", "nothing was restored", "--force")
                .doesNotContain("could not be checked");
        assertThat(Files.readAllBytes(file)).isEqualTo(theirs);
        assertThat(undo("--list").out()).contains("the store changed after this job");
        assertThat(dialogs.errors()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aRefusedEditIsNeitherASavedEditInTheHistoryNorABackupToUndo() {
        detail.startEditing();
        writeAsAnotherProgram("004");
        branch("my-branch");
        detail.save();

        assertThat(detail.conflictProperty().get()).contains("was changed by another program");
        CliRun history = CliRun.of("history", "--backup-dir", dir.resolve("journal").toString());
        assertThat(history.out()).contains("edit", "refused").doesNotContain("saved", "backup ");
        assertThat(new UndoDesk(dir).journal().list()).isEmpty();
        assertThat(undo().exitCode()).as("nothing to undo").isNotZero();
        assertThat(warnings).isEmpty();
    }

    private void branch(String text) {
        detail.form().stream().filter(field -> field.field().name().equals("branch")).findFirst().orElseThrow().text().set(text);
    }

    /** Through a handle of its own, as Minsky would. */
    private void writeAsAnotherProgram(String... keys) {
        try (SessionStore other = StoreFactory.open(window.store().locator(), OpenMode.EXISTING)) {
            for (String key : keys) {
                other.put(other.get(key).orElseThrow().with("status", "THEIRS"));
            }
        }
    }

    private CliRun undo(String... args) {
        return new UndoDesk(dir).undo(args);
    }
}
