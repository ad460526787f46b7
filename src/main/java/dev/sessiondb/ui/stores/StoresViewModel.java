package dev.sessiondb.ui.stores;

import dev.sessiondb.model.KindsHeld;
import dev.sessiondb.sample.DemoStores;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreInfo;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.BackgroundTask;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.RepeatsRepair;
import dev.sessiondb.ui.common.SavedStoreList;
import dev.sessiondb.ui.common.StoreNames;
import dev.sessiondb.ui.common.SettingsStore;
import dev.sessiondb.ui.common.StoreOpener;
import dev.sessiondb.ui.common.TaskExecutor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The stores sidebar: saved, discovered and recent stores; adding, testing, removing and opening them. */
public final class StoresViewModel {

    private final ObservableList<StoreEntry> saved = FXCollections.observableArrayList();
    private final ObservableList<StoreEntry> discovered = FXCollections.observableArrayList();
    private final ObservableList<StoreEntry> recent = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper openStore = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper openStoreTitle = new ReadOnlyStringWrapper("");

    private final SettingsStore settings;
    private final SavedStoreList savedStores;
    private final Supplier<List<StoreEntry>> discovery;
    private final Credentials credentials;
    private final StoreOpener opener;
    private final CurrentStore current;
    private final DialogService dialogs;
    private final TaskExecutor executor;
    private final Optional<FirstRun> firstRun;
    private final RepeatsRepair repeatsRepair = new RepeatsRepair();

    public StoresViewModel(SettingsStore settings, SavedStoreList savedStores, Supplier<List<StoreEntry>> discovery,
                           Credentials credentials, StoreOpener opener, CurrentStore current, DialogService dialogs,
                           TaskExecutor executor) {
        this(settings, savedStores, discovery, credentials, opener, current, dialogs, executor, null);
    }

    /** @param firstRun the default store and the demo, or null where there are none (tests that script the start) */
    public StoresViewModel(SettingsStore settings, SavedStoreList savedStores, Supplier<List<StoreEntry>> discovery,
                           Credentials credentials, StoreOpener opener, CurrentStore current, DialogService dialogs,
                           TaskExecutor executor, FirstRun firstRun) {
        this.firstRun = Optional.ofNullable(firstRun);
        this.settings = settings;
        this.savedStores = savedStores;
        this.discovery = discovery;
        this.credentials = credentials;
        this.opener = opener;
        this.current = current;
        this.dialogs = dialogs;
        this.executor = executor;
        reloadLists();
        executor.execute(BackgroundTask.of("Read the saved stores", monitor -> savedStores.load()).onSuccess(loaded -> reloadLists())
                .onFailure(failure -> dialogs.showError("Cannot read the saved stores", failure.getMessage())));
    }

    /** Where a JSON file that does not open because sessions repeat in it is taken, in place of an error. */
    public RepeatsRepair repeatsRepair() {
        return repeatsRepair;
    }

    // Properties

    public ObservableList<StoreEntry> saved() {
        return saved;
    }

    public ObservableList<StoreEntry> discovered() {
        return discovered;
    }

    public ObservableList<StoreEntry> recent() {
        return recent;
    }

    /** The open store's locator (password masked), empty when none is open. */
    public ReadOnlyStringProperty openStoreProperty() {
        return openStore.getReadOnlyProperty();
    }

    /** The open store's short name (file or database), empty when none is open. */
    public ReadOnlyStringProperty openStoreTitleProperty() {
        return openStoreTitle.getReadOnlyProperty();
    }

    // Commands

    public void addFile() {
        dialogs.chooseStoreFile().ifPresent(file -> open(file.toString()));
    }

    public void addDirectory() {
        dialogs.chooseDirectory("Open a directory of session files (one JSON file per session)")
                .ifPresent(directory -> open(StoreLocator.of(StoreFormat.JSONDIR, directory).display()));
    }

    public void addUrl() {
        dialogs.askText("Open a store by locator", "Path, json:PATH, sqlite:PATH, jsondir:PATH or postgresql://user@host/db", "")
                .ifPresent(this::open);
    }

    /**
     * Opens a store the user named, which then goes among the recent ones (without its password); saving it is the user's
     * own choice (Save on a recent store). One that does not parse or open is reported and kept nowhere.
     */
    public void open(String locatorText) {
        parse(locatorText).ifPresent(this::open);
    }

    /** Keeps a recent or discovered store in the saved list (the app's catalog), without its password. */
    public void save(StoreEntry entry) {
        parse(entry.locator()).ifPresent(locator -> changeSaved("Save " + entry.title(), "Cannot save " + entry.title(),
                () -> savedStores.add(locator), () -> { }));
    }

    public void remove(StoreEntry entry) {
        changeSaved("Remove " + entry.title(), "Cannot remove " + entry.title(), () -> savedStores.remove(entry.locator()),
                () -> dialogs.notify("Removed " + entry.title() + " from saved stores (the store itself is untouched)"));
    }

    public void open(StoreEntry entry) {
        parse(entry.locator()).ifPresent(this::open);
    }

    /**
     * A click on a store in the sidebar shows it, so the highlighted store is the one edits go to;
     * a click on the store already open does nothing, since opening it again would drop its edits' undo.
     */
    public void choose(StoreEntry entry) {
        if (!entry.locator().equals(openStore.get())) {
            open(entry);
        }
    }

    /** Opens the store, counts it and closes it again, then says what was found. */
    public void testConnection(StoreEntry entry) {
        parse(entry.locator()).ifPresent(given -> credentials.complete(given, dialogs, executor, completed -> completed.ifPresent(locator ->
                executor.execute(BackgroundTask.of("Test " + locator.display(), monitor -> {
                    try (SessionStore store = opener.open(locator)) {
                        return connected(entry, store);
                    }
                }).onSuccess(dialogs::notify)
                        .onFailure(failure -> dialogs.showError("Cannot connect to " + entry.title(), failure.getMessage()))))));
    }

    /**
     * "fixture.json: connected, 217 sessions of Minsky (json, minsky layout, minsky-json (...))", whose sessions they are said as
     * {@code info} says it where that costs little, and no era of a tool that did not write them.
     */
    private static String connected(StoreEntry entry, SessionStore store) {
        StoreInfo told = store.info();
        Optional<KindsHeld> kinds = store.kindsHeldWhereCheap(told.recordCount());
        StoreInfo info = kinds.map(told::holding).orElse(told);
        String whose = kinds.flatMap(counted -> counted.described().map(described -> (counted.counts().size() > 1 ? ", " : " of ") + described))
                .orElse("");
        return String.format("%s: connected, %,d sessions%s (%s, %s layout%s)", entry.title(), info.recordCount(), whose,
                info.format().scheme(), info.layout().id(), info.era() == null ? "" : ", " + info.era());
    }

    /** The store {@code store} holds {@code sessions} now: its Discovered entry says so. */
    public void counted(StoreLocator store, long sessions) {
        String shown = store.withoutPassword().display();
        discovered.replaceAll(entry -> entry.locator().equals(shown) ? DiscoveredEntries.recounted(entry, sessions) : entry);
    }

    public void discover() {
        executor.execute(BackgroundTask.of("Discover stores", monitor -> discovery.get())
                .onSuccess(discovered::setAll)
                .onFailure(failure -> dialogs.showError("Discovery failed", failure.getMessage())));
    }

    /** Whether the empty state offers "Open a demo store". */
    public boolean demoOffered() {
        return firstRun.isPresent();
    }

    /**
     * Opens a store as the app starts: the one {@code SESSIONDB_STORE} names for this run (and says so, as the
     * user may have expected the store open last), else the most recent store, else the store the user has
     * (see {@link FirstRun}).
     */
    public void reopenLast() {
        Optional<StoreLocator> last = settings.get().recentStores().stream().findFirst().flatMap(StoresViewModel::parseQuietly);
        if (firstRun.isEmpty()) {
            last.ifPresent(this::open);
            return;
        }
        executor.execute(BackgroundTask.of("Find the store to open", monitor -> firstRun.get().storeToOpen(last))
                .onSuccess(chosen -> open(chosen.locator(), chosen.explicit() ? ": " + chosen.reason() + " names it, before the store open last" : ""))
                .onFailure(failure -> dialogs.notify("No store to open: " + failure.getMessage())));
    }

    /**
     * Makes the demo stores (once; about {@value DemoStores#SESSIONS} sessions), saves the laptop's
     * to diff and consolidate against, and opens the workstation's (then among the recent stores).
     */
    public void openDemo() {
        firstRun.map(FirstRun::demo).ifPresent(demo -> executor.execute(BackgroundTask.of("Create the demo stores", monitor -> {
            if (!demo.exists()) {
                demo.create(monitor);
            }
            return demo;
        }).showInJobs().onSuccess(ready -> {
            save(StoreEntry.of(ready.laptop().display(), null));
            open(ready.workstation());
            dialogs.notify("Demo stores ready; their Minsky workspaces are in " + ready.minskyState());
        }).onFailure(failure -> dialogs.showError("Cannot create the demo stores", failure.getMessage()))));
    }

    /**
     * Shows the store as soon as it opened, then adds it to the recent ones in a task of its own:
     * the settings file is written and synced to disk, which neither the FX thread nor the first
     * page should wait for (the window's open of a 1M store: BENCHMARKS.md). A settings file that
     * cannot be written does not keep the store from opening; the user is told. One that fails to open is not remembered.
     */
    private void open(StoreLocator locator) {
        open(locator, "");
    }

    /** As {@link #open(StoreLocator)}; the status line then says "Opened" and the store, then {@code why}, replacing what it said of the store open before. */
    private void open(StoreLocator locator, String why) {
        String shown = locator.withoutPassword().display();
        credentials.complete(locator, dialogs, executor, completed -> completed.ifPresent(ready ->
                executor.execute(BackgroundTask.of("Open " + shown, monitor -> opener.open(ready))
                        .onSuccess(store -> {
                            current.show(store);
                            openStore.set(shown);
                            openStoreTitle.set(StoreEntry.of(shown, null).title());
                            remember(shown);
                            dialogs.notify("Opened " + shown + why);
                        })
                        .onFailure(failure -> {
                            if (!repeatsRepair.took(ready, failure)) {
                                dialogs.showError("Cannot open " + shown, TypedPasswordForgottenException
                                        .toldWith(failure, "open the store again, and type it when asked",
                                                TypedPasswordForgottenException.CORRECT_THE_URL + ", then open the store again")
                                        .getMessage());
                            }
                        }))));
    }

    private void remember(String shown) {
        executor.execute(BackgroundTask.<Void>of("Remember " + shown, monitor -> {
            settings.update(state -> state.withRecent(shown));
            return null;
        }).onSuccess(done -> reloadLists())
                .onFailure(failure -> dialogs.showError("Cannot remember " + shown + " among the recent stores", failure.getMessage())));
    }

    /** Changes the saved list in the catalog off the FX thread, then shows it and runs {@code changed}; when the catalog refused, the user is told why. */
    private void changeSaved(String title, String failureTitle, Runnable change, Runnable changed) {
        executor.execute(BackgroundTask.<Void>of(title, monitor -> {
            change.run();
            return null;
        }).onSuccess(done -> {
            reloadLists();
            changed.run();
        }).onFailure(failure -> dialogs.showError(failureTitle, failure.getMessage())));
    }

    /** Refills only a list that changed: each refill updates the list's every cell on the FX thread, as a store opens too. */
    private void reloadLists() {
        refill(saved, entries(savedStores.list()));
        refill(recent, entries(settings.get().recentStores()));
    }

    private static void refill(ObservableList<StoreEntry> shown, List<StoreEntry> entries) {
        if (!shown.equals(entries)) {
            shown.setAll(entries);
        }
    }

    /** The stores of one list, each titled apart from the others of its name: two sessions.db become work/sessions.db and home/sessions.db. */
    private static List<StoreEntry> entries(List<String> locators) {
        List<String> shown = locators.stream().map(StoresViewModel::parseQuietly).flatMap(Optional::stream).map(StoreLocator::display).toList();
        Map<String, String> titles = StoreNames.distinctNames(shown);
        return shown.stream().map(locator -> StoreEntry.of(locator, null).titled(titles.get(locator))).toList();
    }

    private Optional<StoreLocator> parse(String text) {
        try {
            return Optional.of(StoreLocator.parse(text));
        } catch (StoreException | IllegalArgumentException unusable) {
            dialogs.showError("Cannot open this as a session store", unusable.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<StoreLocator> parseQuietly(String text) {
        try {
            return Optional.of(StoreLocator.parse(text));
        } catch (StoreException | IllegalArgumentException unusable) {
            return Optional.empty();
        }
    }

}
