package dev.sessiondb.ui;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.common.SettingsStore;
import dev.sessiondb.ui.common.StoreOpener;
import dev.sessiondb.ui.common.UiTaskExecutor;
import dev.sessiondb.ui.stores.Credentials;
import dev.sessiondb.ui.stores.StoreEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;

/** The main window over real services in a fresh folder, as UI flow tests start it: no saved stores, no credentials. */
final class TestWindows {

    private TestWindows() {
    }

    static void show(Stage stage, Path run, ScriptedDialogService dialogs) {
        new MainWindow(services(run, dialogs)).show(stage);
    }

    static void show(Stage stage, Path run, ScriptedDialogService dialogs, BackupJournal journal) {
        new MainWindow(services(run, dialogs, journal, TestWindows::openExisting, List::of)).show(stage);
    }

    /** As {@link #show}, on a screen whose free area (without panels and docks) is {@code usable}. */
    static void showOnScreen(Stage stage, Path run, ScriptedDialogService dialogs, Rectangle2D usable) {
        new MainWindow(services(run, dialogs), null, usable).show(stage);
    }

    /** The settings a window shown over {@code run} reads as it starts. */
    static SettingsStore settings(Path run) {
        return new SettingsStore(run.resolve("settings.json"));
    }

    /** What {@link #show} builds the window from, for a test that builds the window itself (over its own first run, say). */
    static AppServices services(Path run, ScriptedDialogService dialogs) {
        return services(run, dialogs, TestWindows::openExisting, List::of);
    }

    /** As {@link #services(Path, ScriptedDialogService)}, the stores opened by {@code opener} and {@code discovery} finding its own. */
    static AppServices services(Path run, ScriptedDialogService dialogs, StoreOpener opener, Supplier<List<StoreEntry>> discovery) {
        return services(run, dialogs, new BackupJournal(run.resolve("backups")), opener, discovery);
    }

    private static AppServices services(Path run, ScriptedDialogService dialogs, BackupJournal journal, StoreOpener opener,
                                        Supplier<List<StoreEntry>> discovery) {
        return new AppServices(settings(run), dialogs, new UiTaskExecutor(), opener, discovery,
                new Credentials(run.resolve("no-pgpass"), Map.of()), journal, new SimpleStringProperty(""));
    }

    /** Opens a store as the app does: an existing one, else an error. */
    static SessionStore openExisting(StoreLocator locator) {
        return StoreFactory.open(locator, OpenMode.EXISTING);
    }
}
