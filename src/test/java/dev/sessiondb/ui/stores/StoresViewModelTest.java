package dev.sessiondb.ui.stores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.catalog.Catalog;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.ScriptedDialogService;
import dev.sessiondb.ui.TestStores;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.CurrentThreadTaskExecutor;
import dev.sessiondb.ui.common.SavedStoreList;
import dev.sessiondb.ui.common.SettingsStore;
import dev.sessiondb.ui.common.TaskExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import javafx.collections.ListChangeListener;
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
        return viewModel(settings, new CurrentThreadTaskExecutor());
    }

    private StoresViewModel viewModel(SettingsStore settings, TaskExecutor executor) {
        return new StoresViewModel(settings, new SavedStoreList(catalogFolder(), settings), () -> List.of(StoreEntry.of("json:/found/session-db.json", "Minsky's state directory")),
                new Credentials(directory.resolve("no-pgpass"), Map.of()),
                locator -> {
                    opened.add(locator);
                    return StoreFactory.open(locator, OpenMode.EXISTING);
                }, current, dialogs, executor);
    }

    private Path catalogFolder() {
        return directory.resolve("data");
    }

    /** What the catalog holds, read as the next start of the app reads it. */
    private List<String> savedInCatalog(SettingsStore settings) {
        return new SavedStoreList(catalogFolder(), settings).load();
    }

    @AfterEach
    void close() {
        current.close();
    }

    /** Open… saved every store it opened, though the empty Saved list tells the user that saving is a right-click's choice. */
    @Test
    void aChosenFileIsOpenedAndRememberedAmongTheRecentButNotSaved() {
        Path fixture = TestStores.fixtureCopy(directory);
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        StoresViewModel viewModel = viewModel(settings);
        dialogs.answer(fixture);

        viewModel.addFile();

        assertThat(viewModel.saved()).isEmpty();
        assertThat(savedInCatalog(settings)).isEmpty();
        assertThat(viewModel.recent()).extracting(StoreEntry::title).containsExactly("session-db.json");
        assertThat(current.store().count()).isEqualTo(217);
        assertThat(viewModel.openStoreProperty().get()).isEqualTo("json:" + fixture);
        assertThat(new SettingsStore(settings.file()).get().recentStores()).containsExactly("json:" + fixture);
    }

    /** The settings file's write and sync are a task's work, after the store is shown: neither the FX thread nor the first page waits for them. */
    @Test
    void theStoreShowsBeforeATaskWritesItAmongTheRecentOnes() {
        Path fixture = TestStores.fixtureCopy(directory);
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        List<String> whenEachWorkEnded = new ArrayList<>();
        TaskExecutor recording = new CurrentThreadTaskExecutor(() -> whenEachWorkEnded.add(
                (current.isOpen() ? "shown" : "not shown") + ", recent " + new SettingsStore(settings.file()).get().recentStores()));

        viewModel(settings, recording).open(StoreEntry.of("json:" + fixture, null));

        assertThat(whenEachWorkEnded).as("after the saved stores' read, the open's work, then the remembering's")
                .endsWith("not shown, recent []", "shown, recent [json:" + fixture + "]");
    }

    /** A click on the store already open leaves it open as it is: opening it again would drop its edits' undo. */
    @Test
    void choosingTheOpenStoreDoesNotOpenItAgainButChoosingAnotherOpensIt() throws Exception {
        Path fixture = TestStores.fixtureCopy(directory);
        Path other = TestStores.fixtureCopy(Files.createDirectories(directory.resolve("other")));
        StoresViewModel viewModel = viewModel(new SettingsStore(directory.resolve("settings.json")));
        viewModel.choose(StoreEntry.of("json:" + fixture, null));
        SessionStore shown = current.store();

        viewModel.choose(StoreEntry.of("json:" + fixture, null));
        assertThat(current.store()).isSameAs(shown);
        viewModel.choose(StoreEntry.of("json:" + other, null));

        assertThat(opened).extracting(StoreLocator::display).containsExactly("json:" + fixture, "json:" + other);
        assertThat(viewModel.openStoreProperty().get()).isEqualTo("json:" + other);
    }

    /** Each refill of a list updates every cell of it on the FX thread, while the store's first page is due. */
    @Test
    void openingAStoreRefillsOnlyTheListsThatChanged() {
        Path fixture = TestStores.fixtureCopy(directory);
        StoresViewModel viewModel = viewModel(new SettingsStore(directory.resolve("settings.json")));
        viewModel.open("json:" + fixture);
        List<String> changed = new ArrayList<>();
        viewModel.saved().addListener((ListChangeListener<StoreEntry>) change -> changed.add("saved"));
        viewModel.recent().addListener((ListChangeListener<StoreEntry>) change -> changed.add("recent"));

        viewModel.open("json:" + fixture);

        assertThat(current.store().count()).isEqualTo(217);
        assertThat(viewModel.recent()).extracting(StoreEntry::locator).containsExactly("json:" + fixture);
        assertThat(changed).isEmpty();
    }

    @Test
    void aStoreOpensEvenWhenTheSettingsCannotRememberIt() throws Exception {
        Path fixture = TestStores.fixtureCopy(directory);
        Path notAFolder = Files.writeString(directory.resolve("not-a-folder"), "");
        SettingsStore settings = new SettingsStore(notAFolder.resolve("settings.json"));
        StoresViewModel viewModel = viewModel(settings);

        viewModel.open(StoreEntry.of("json:" + fixture, null));

        assertThat(current.store().count()).isEqualTo(217);
        assertThat(viewModel.openStoreProperty().get()).isEqualTo("json:" + fixture);
        assertThat(dialogs.errors()).singleElement().asString().startsWith("Cannot remember json:" + fixture + " among the recent stores")
                .contains("cannot save settings to");
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
    void aPostgresStoreIsOpenedWithItsPasswordAndSavedWithoutIt() throws Exception {
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        StoresViewModel viewModel = viewModel(settings);

        viewModel.open("postgresql://ana:s3cret@localhost:1/minsky");
        viewModel.save(StoreEntry.of("postgresql://ana:s3cret@localhost:1/minsky", null));

        assertThat(opened).extracting(StoreLocator::target).containsExactly("postgresql://ana:s3cret@localhost:1/minsky");
        assertThat(dialogs.errors()).singleElement().asString().startsWith("Cannot open postgresql://ana@localhost:1/minsky");
        assertThat(savedInCatalog(settings)).containsExactly("postgresql://ana@localhost:1/minsky");
        assertThat(new String(Files.readAllBytes(catalogFolder().resolve(Catalog.FILE_NAME)), StandardCharsets.ISO_8859_1))
                .contains("postgresql://ana@localhost:1/minsky").doesNotContain("s3cret");
    }

    @Test
    void savedStoresSurviveARestartFromTheCatalog() {
        Path fixture = TestStores.fixtureCopy(directory);
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        viewModel(settings).save(StoreEntry.of(fixture.toString(), null));

        StoresViewModel restarted = viewModel(new SettingsStore(settings.file()));

        assertThat(restarted.saved()).extracting(StoreEntry::locator).containsExactly("json:" + fixture);
        assertThat(new SettingsStore(settings.file()).get().savedStores()).isEmpty();
    }

    @Test
    void aCatalogThatCannotBeReadLeavesTheSettingsListShownAndKeptAndSayWhyASaveFailed() throws Exception {
        Path fixture = TestStores.fixtureCopy(directory);
        Files.createDirectories(catalogFolder());
        Files.writeString(catalogFolder().resolve(Catalog.FILE_NAME), "not a database, but a file someone put here");
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        settings.update(state -> state.withSavedStores(List.of("json:" + fixture)));

        StoresViewModel viewModel = viewModel(settings);
        viewModel.save(StoreEntry.of("postgresql://ana@localhost:1/minsky", null));

        assertThat(viewModel.saved()).extracting(StoreEntry::locator).containsExactly("json:" + fixture);
        assertThat(new SettingsStore(settings.file()).get().savedStores()).containsExactly("json:" + fixture);
        assertThat(dialogs.errors()).singleElement().asString().startsWith("Cannot save ").contains(Catalog.FILE_NAME);
    }

    @Test
    void theSettingsFilesSavedStoresAreMovedIntoTheCatalogOnce() {
        Path fixture = TestStores.fixtureCopy(directory);
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        settings.update(state -> state.withSavedStores(List.of("json:" + fixture, "postgresql://ana@localhost:1/minsky")));

        StoresViewModel first = viewModel(settings);

        assertThat(first.saved()).extracting(StoreEntry::locator).containsExactly("json:" + fixture, "postgresql://ana@localhost:1/minsky");
        assertThat(new SettingsStore(settings.file()).get().savedStores()).isEmpty();
        first.remove(first.saved().get(1));
        assertThat(viewModel(new SettingsStore(settings.file())).saved()).extracting(StoreEntry::locator).containsExactly("json:" + fixture);
    }

    @Test
    void aStoreThatFailsToOpenIsReportedAndNeitherSavedNorRemembered() throws Exception {
        Path truncated = directory.resolve("truncated.json");
        Files.writeString(truncated, "{\"sessions\": [{\"session\": \"a\", \"repoName\": \"x\"");
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        StoresViewModel viewModel = viewModel(settings);

        viewModel.open(truncated.toString());

        assertThat(dialogs.errors()).singleElement().asString().startsWith("Cannot open");
        assertThat(viewModel.saved()).isEmpty();
        assertThat(viewModel.recent()).isEmpty();
        assertThat(savedInCatalog(settings)).isEmpty();
        assertThat(current.isOpen()).isFalse();
    }

    @Test
    void removingASavedStoreLeavesTheStoreItselfAlone() {
        Path fixture = TestStores.fixtureCopy(directory);
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        StoresViewModel viewModel = viewModel(settings);
        viewModel.save(StoreEntry.of(fixture.toString(), null));

        viewModel.remove(viewModel.saved().get(0));

        assertThat(viewModel.saved()).isEmpty();
        assertThat(savedInCatalog(settings)).isEmpty();
        assertThat(fixture).exists();
    }

    @Test
    void testingAConnectionSaysHowManySessionsTheStoreHas() {
        Path fixture = TestStores.fixtureCopy(directory);
        StoresViewModel viewModel = viewModel(new SettingsStore(directory.resolve("settings.json")));

        viewModel.testConnection(StoreEntry.of("json:" + fixture, null));

        assertThat(dialogs.notifications()).containsExactly("session-db.json: connected, 217 sessions of Minsky (json, minsky layout, minsky-json (Minsky JSON"
                + " file, until August 2025))");
        assertThat(current.isOpen()).isFalse();
    }

    /** A JSON file of a chat server's sessions was said to be "minsky-json (Minsky JSON file, until August 2025)", as info said it. */
    @Test
    void testingAConnectionSaysWhoseSessionsTheStoreHoldsAndNamesNoEraOfAnotherTool() {
        Path file = directory.resolve("chat.json");
        StoreContents.create("json:" + file, LongStream.range(0, 3).mapToObj(SampleSessions::chatRecord).toList());
        StoresViewModel viewModel = viewModel(new SettingsStore(directory.resolve("settings.json")));

        viewModel.testConnection(StoreEntry.of("json:" + file, null));

        assertThat(dialogs.notifications()).containsExactly("chat.json: connected, 3 sessions of a chat server (json, minsky layout)");
    }

    @Test
    void aLocatorThatDoesNotParseIsReportedAndNotSaved() {
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));

        viewModel(settings).open(directory.resolve("missing.txt").toString());

        assertThat(savedInCatalog(settings)).isEmpty();
        assertThat(dialogs.errors()).singleElement().asString().contains("no such file or directory");
    }

    @Test
    void discoveryListsTheStoresFound() {
        StoresViewModel viewModel = viewModel(new SettingsStore(directory.resolve("settings.json")));

        viewModel.discover();

        assertThat(viewModel.discovered()).extracting(StoreEntry::detail).containsExactly("json · Minsky's state directory");
    }
}
