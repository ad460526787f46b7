package dev.sessiondb.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.CurrentThreadTaskExecutor;
import dev.sessiondb.ui.common.SettingsStore;
import dev.sessiondb.ui.common.Theme;
import dev.sessiondb.ui.common.UndoStack;
import dev.sessiondb.ui.common.UndoableCommand;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {

    @TempDir
    Path directory;

    private final CurrentStore current = new CurrentStore();
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final UndoStack undo = new UndoStack(new CurrentThreadTaskExecutor(), dialogs);

    @Test
    void theThemeToggleIsRememberedForTheNextStart() {
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        MainViewModel viewModel = new MainViewModel(settings, current, undo);

        viewModel.toggleTheme();

        assertThat(viewModel.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(new MainViewModel(new SettingsStore(settings.file()), current, undo).themeProperty().get()).isEqualTo(Theme.DARK);
    }

    @Test
    void anUndoneCommandRefreshesTheViews() {
        MainViewModel viewModel = new MainViewModel(new SettingsStore(directory.resolve("settings.json")), current, undo);
        int[] undone = {0};
        undo.run(counting(undone));
        long revision = current.revisionProperty().get();

        assertThat(viewModel.undoDescriptionProperty().get()).isEqualTo("a change");
        viewModel.undo();
        assertThat(undone[0]).isEqualTo(1);
        assertThat(current.revisionProperty().get()).isGreaterThan(revision);
        assertThat(viewModel.undoDescriptionProperty().get()).isEmpty();
        viewModel.undo();
        assertThat(dialogs.notifications()).contains("Nothing to undo");
    }

    @Test
    void openingAnotherStoreForgetsTheEditsOfTheStoreThatWasOpen() {
        MainViewModel viewModel = new MainViewModel(new SettingsStore(directory.resolve("settings.json")), current, undo);
        int[] undone = {0};
        undo.run(counting(undone, true));

        current.show(TestStores.openFixtureCopy(directory));
        viewModel.undo();

        assertThat(undone[0]).isZero();
        current.close();
    }

    @Test
    void aJobRunInTheWindowStaysUndoableWhenAnotherStoreOpens() {
        MainViewModel viewModel = new MainViewModel(new SettingsStore(directory.resolve("settings.json")), current, undo);
        int[] undone = {0};
        undo.record(counting(undone, false), done -> { });

        current.show(TestStores.openFixtureCopy(directory));
        assertThat(viewModel.undoDescriptionProperty().get()).isEqualTo("a change");
        viewModel.undo();

        assertThat(undone[0]).isOne();
        current.close();
    }

    private static UndoableCommand counting(int[] undone) {
        return counting(undone, true);
    }

    private static UndoableCommand counting(int[] undone, boolean scopedToOpenStore) {
        return new UndoableCommand() {
            @Override
            public String description() {
                return "a change";
            }

            @Override
            public boolean scopedToOpenStore() {
                return scopedToOpenStore;
            }

            @Override
            public void execute() {
            }

            @Override
            public void undo() {
                undone[0]++;
            }
        };
    }

    @Test
    void theWindowSizeIsRemembered() {
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        new MainViewModel(settings, current, undo).rememberWindowSize(1000, 700);

        MainViewModel next = new MainViewModel(new SettingsStore(settings.file()), current, undo);
        assertThat(next.windowWidth()).isEqualTo(1000);
        assertThat(next.windowHeight()).isEqualTo(700);
    }
}
