package dev.sessiondb.ui;

import dev.sessiondb.discovery.StoreDiscovery;
import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.sample.DemoStores;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.selection.StoreSelection;
import dev.sessiondb.store.selection.MinskyPaths;
import dev.sessiondb.ui.common.JavaFxDialogService;
import dev.sessiondb.ui.common.SettingsStore;
import dev.sessiondb.ui.common.UiTaskExecutor;
import dev.sessiondb.ui.stores.Credentials;
import dev.sessiondb.ui.stores.DiscoveredEntries;
import dev.sessiondb.ui.stores.FirstRun;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app: builds the real services (settings under the app's config folder, the
 * platform dialogs, the background executor, the engine's store factory) and shows the window.
 * {@code -Dsessiondb.settings=FILE} points the settings elsewhere (screenshots, trials).
 */
public final class DesktopApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    @Override
    public void start(Stage stage) {
        LOG.info("JavaFX {}", System.getProperty("javafx.runtime.version"));
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> LOG.error("Uncaught in {}", thread.getName(), failure));
        MinskyPaths paths = MinskyPaths.ofSystem();
        Path settingsFile = Path.of(System.getProperty("sessiondb.settings", paths.appConfigDir().resolve("settings.json").toString()));
        StringProperty status = new SimpleStringProperty("Ready");
        AppServices services = new AppServices(
                new SettingsStore(settingsFile),
                new JavaFxDialogService(stage, status::set),
                new UiTaskExecutor(),
                locator -> StoreFactory.open(locator, OpenMode.EXISTING),
                () -> DiscoveredEntries.of(new StoreDiscovery(paths, List.of()).discover(ProgressMonitor.NONE)),
                new Credentials(paths.home().resolve(".pgpass"), System.getenv()),
                CatalogRecorder.journal(paths.appDataDir(), warning -> Platform.runLater(() -> status.set(warning))),
                status);
        new MainWindow(services, new FirstRun(() -> defaultStore(paths), new DemoStores(paths.appDataDir().resolve("demo")))).show(stage);
    }

    /** Minsky's store when one is found, else the embedded SQLite store, made on its first use. */
    private static StoreLocator defaultStore(MinskyPaths paths) {
        StoreSelection.Selected selected = new StoreSelection(paths, Path.of("").toAbsolutePath()).select();
        LOG.info("Default store {} ({})", selected.locator().display(), selected.reason());
        if (selected.locator().equals(StoreLocator.parse(paths.embeddedStore().toString()))) {
            StoreFactory.open(selected.locator(), OpenMode.CREATE_IF_MISSING).close();
        }
        return selected.locator();
    }

    /** Called from a class that does not extend Application, so the shaded jar starts on the classpath. */
    public static void launch(String[] args) {
        Application.launch(DesktopApp.class, args);
    }
}
