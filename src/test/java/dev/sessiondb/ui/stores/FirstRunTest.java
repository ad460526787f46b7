package dev.sessiondb.ui.stores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.sample.DemoStores;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.ScriptedDialogService;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.CurrentThreadTaskExecutor;
import dev.sessiondb.ui.common.SavedStoreList;
import dev.sessiondb.ui.common.SettingsStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstRunTest {

    @TempDir
    Path directory;

    private final CurrentStore current = new CurrentStore();
    private final ScriptedDialogService dialogs = new ScriptedDialogService();

    private StoresViewModel viewModel(StoreLocator defaultStore) {
        FirstRun firstRun = new FirstRun(Optional::empty, () -> {
            StoreFactory.open(defaultStore, OpenMode.CREATE_IF_MISSING).close();
            return defaultStore;
        }, new DemoStores(directory.resolve("data/demo")));
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        return new StoresViewModel(settings, new SavedStoreList(directory.resolve("data"), settings), List::of,
                new Credentials(directory.resolve("no-pgpass"), Map.of()), locator -> StoreFactory.open(locator, OpenMode.EXISTING),
                current, dialogs, new CurrentThreadTaskExecutor(), firstRun);
    }

    @AfterEach
    void close() {
        current.close();
    }

    @Test
    void aFirstStartOpensTheDefaultStoreAndOffersTheDemo() {
        StoreLocator embedded = StoreLocator.of(StoreFormat.SQLITE, directory.resolve("data/sessions.db"));
        StoresViewModel viewModel = viewModel(embedded);

        viewModel.reopenLast();

        assertThat(viewModel.demoOffered()).isTrue();
        assertThat(current.store().locator()).isEqualTo(embedded);
        assertThat(current.store().count()).isZero();
    }

    @Test
    void theDemoOpensTheWorkstationsStoreAndSavesTheLaptops() {
        StoresViewModel viewModel = viewModel(StoreLocator.of(StoreFormat.SQLITE, directory.resolve("data/sessions.db")));
        DemoStores demo = new DemoStores(directory.resolve("data/demo"));

        viewModel.openDemo();

        assertThat(current.store().locator()).isEqualTo(demo.workstation());
        assertThat(current.store().count()).isEqualTo(DemoStores.SESSIONS);
        assertThat(viewModel.saved()).extracting(StoreEntry::locator).containsExactly(demo.laptop().display());
        assertThat(viewModel.recent()).extracting(StoreEntry::locator).containsExactly(demo.workstation().display());
    }
}
