package dev.sessiondb.ui;

import dev.sessiondb.discovery.StoreDiscovery;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.selection.MinskyPaths;
import dev.sessiondb.ui.common.JavaFxDialogService;
import dev.sessiondb.ui.common.SettingsStore;
import dev.sessiondb.ui.common.UiTaskExecutor;
import dev.sessiondb.ui.stores.Credentials;
import dev.sessiondb.ui.stores.DiscoveredEntries;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.stage.Stage;

/**
 * The desktop app: builds the real services (settings under the app's config folder, the
 * platform dialogs, the background executor, the engine's store factory) and shows the window.
 * {@code -Dsessiondb.settings=FILE} points the settings elsewhere (screenshots, trials).
 */
public final class DesktopApp extends Application {

    @Override
    public void start(Stage stage) {
        MinskyPaths paths = MinskyPaths.ofSystem();
        Path settingsFile = Path.of(System.getProperty("sessiondb.settings", paths.appConfigDir().resolve("settings.json").toString()));
        StringProperty status = new SimpleStringProperty("Ready");
        AppServices services = new AppServices(
                new SettingsStore(settingsFile),
                new JavaFxDialogService(stage, status::set),
                new UiTaskExecutor(),
                locator -> StoreFactory.open(locator, OpenMode.EXISTING),
                () -> DiscoveredEntries.of(new StoreDiscovery(paths, List.of()).discover(ProgressMonitor.NONE)),
                new Credentials(paths.home(), System.getenv()),
                new BackupJournal(paths.appDataDir()),
                status);
        new MainWindow(services).show(stage);
    }

    /** Called from a class that does not extend Application, so the shaded jar starts on the classpath. */
    public static void launch(String[] args) {
        Application.launch(DesktopApp.class, args);
    }
}
