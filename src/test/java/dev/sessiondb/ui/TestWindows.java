package dev.sessiondb.ui;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.ui.common.SettingsStore;
import dev.sessiondb.ui.common.UiTaskExecutor;
import dev.sessiondb.ui.stores.Credentials;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;

/** The main window over real services in a fresh folder, as UI flow tests start it: no saved stores, no credentials. */
final class TestWindows {

    private TestWindows() {
    }

    static void show(Stage stage, Path run, ScriptedDialogService dialogs) {
        show(stage, run, dialogs, new BackupJournal(run.resolve("backups")));
    }

    static void show(Stage stage, Path run, ScriptedDialogService dialogs, BackupJournal journal) {
        new MainWindow(services(run, dialogs, journal)).show(stage);
    }

    /** As {@link #show}, on a screen whose free area (without panels and docks) is {@code usable}. */
    static void showOnScreen(Stage stage, Path run, ScriptedDialogService dialogs, Rectangle2D usable) {
        new MainWindow(services(run, dialogs, new BackupJournal(run.resolve("backups"))), null, usable).show(stage);
    }

    /** The settings a window shown over {@code run} reads as it starts. */
    static SettingsStore settings(Path run) {
        return new SettingsStore(run.resolve("settings.json"));
    }

    private static AppServices services(Path run, ScriptedDialogService dialogs, BackupJournal journal) {
        return new AppServices(settings(run), dialogs, new UiTaskExecutor(),
                locator -> StoreFactory.open(locator, OpenMode.EXISTING), List::of,
                new Credentials(run.resolve("no-pgpass"), Map.of()), journal, new SimpleStringProperty(""));
    }
}
