package dev.sessiondb.ui.stores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.ScriptedDialogService;
import dev.sessiondb.ui.TestStores;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.CurrentThreadTaskExecutor;
import dev.sessiondb.ui.common.SettingsStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoresViewModelTest {

    @TempDir
    Path directory;

    private final CurrentStore current = new CurrentStore();
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final List<StoreLocator> opened = new ArrayList<>();

    private StoresViewModel viewModel(SettingsStore settings) {
        return new StoresViewModel(settings, () -> List.of(StoreEntry.of("json:/found/session-db.json", "Minsky's state directory")),
                new Credentials(directory.resolve("no-pgpass"), Map.of()),
                locator -> {
                    opened.add(locator);
                    return StoreFactory.open(locator, OpenMode.EXISTING);
                }, current, dialogs, new CurrentThreadTaskExecutor());
    }

    @AfterEach
    void close() {
        current.close();
    }

    @Test
    void aChosenFileIsSavedOpenedAndRemembered() {
        Path fixture = TestStores.fixtureCopy(directory);
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        StoresViewModel viewModel = viewModel(settings);
        dialogs.answer(fixture);

        viewModel.addFile();

        assertThat(viewModel.saved()).extracting(StoreEntry::title).containsExactly("session-db.json");
        assertThat(current.store().count()).isEqualTo(217);
        assertThat(viewModel.openStoreProperty().get()).isEqualTo("json:" + fixture);
        assertThat(new SettingsStore(settings.file()).get().recentStores()).containsExactly("json:" + fixture);
    }

    @Test
    void theLastStoreReopensOnTheNextStart() {
        Path fixture = TestStores.fixtureCopy(directory);
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        settings.update(state -> state.withRecent("json:" + fixture));

        viewModel(settings).reopenLast();

        assertThat(current.isOpen()).isTrue();
    }

    @Test
    void aPostgresStoreIsSavedWithoutItsPasswordButOpenedWithIt() {
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));

        viewModel(settings).addAndOpen("postgresql://ana:s3cret@localhost:1/minsky");

        assertThat(settings.get().savedStores()).containsExactly("postgresql://ana@localhost:1/minsky");
        assertThat(opened).extracting(StoreLocator::target).containsExactly("postgresql://ana:s3cret@localhost:1/minsky");
        assertThat(dialogs.errors()).singleElement().asString().startsWith("Cannot open postgresql://ana@localhost:1/minsky");
    }

    @Test
    void removingASavedStoreLeavesTheStoreItselfAlone() {
        Path fixture = TestStores.fixtureCopy(directory);
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        StoresViewModel viewModel = viewModel(settings);
        viewModel.addAndOpen(fixture.toString());

        viewModel.remove(viewModel.saved().get(0));

        assertThat(viewModel.saved()).isEmpty();
        assertThat(settings.get().savedStores()).isEmpty();
        assertThat(fixture).exists();
    }

    @Test
    void testingAConnectionSaysHowManySessionsTheStoreHas() {
        Path fixture = TestStores.fixtureCopy(directory);
        StoresViewModel viewModel = viewModel(new SettingsStore(directory.resolve("settings.json")));

        viewModel.testConnection(StoreEntry.of("json:" + fixture, null));

        assertThat(dialogs.notifications()).containsExactly("session-db.json: connected, 217 sessions (json, minsky layout, minsky-json (Minsky JSON file, until August 2025))");
        assertThat(current.isOpen()).isFalse();
    }

    @Test
    void aLocatorThatDoesNotParseIsReportedAndNotSaved() {
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));

        viewModel(settings).addAndOpen(directory.resolve("missing.txt").toString());

        assertThat(settings.get().savedStores()).isEmpty();
        assertThat(dialogs.errors()).singleElement().asString().contains("no such file or directory");
    }

    @Test
    void discoveryListsTheStoresFound() {
        StoresViewModel viewModel = viewModel(new SettingsStore(directory.resolve("settings.json")));

        viewModel.discover();

        assertThat(viewModel.discovered()).extracting(StoreEntry::detail).containsExactly("json · Minsky's state directory");
    }
}
