package dev.sessiondb.ui;

import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.discovery.StoreDiscovery;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.selection.MinskyPaths;
import dev.sessiondb.store.sql.PgCredentials;
import dev.sessiondb.ui.common.DialogService;
import dev.sessiondb.ui.common.JavaFxDialogService;
import dev.sessiondb.ui.common.SettingsStore;
import dev.sessiondb.ui.common.StoreOpener;
import dev.sessiondb.ui.common.UiTaskExecutor;
import dev.sessiondb.ui.stores.Credentials;
import dev.sessiondb.ui.stores.DiscoveredEntries;
import dev.sessiondb.ui.stores.StoreEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.stage.Stage;

/**
 * What the window is built from; the app passes the real ones ({@link #ofSystem}), TestFX tests
 * pass a scripted dialog service, a temporary settings file and their own discovery.
 *
 * @param journal where stores are backed up before the app writes to them; the app's catalog lies beside it
 * @param status the status-bar line, which the dialog service's notifications write to
 */
public record AppServices(SettingsStore settings, DialogService dialogs, UiTaskExecutor executor, StoreOpener opener,
                          Supplier<List<StoreEntry>> discovery, Credentials credentials, BackupJournal journal, StringProperty status) {

    /**
     * The real services: settings under the app's config folder ({@code -Dsessiondb.settings=FILE}
     * points them elsewhere, for screenshots and trials), the platform dialogs over {@code stage},
     * the background executor, the engine's stores and the journal in the app's data folder.
     */
    public static AppServices ofSystem(MinskyPaths paths, Stage stage) {
        Path settingsFile = Path.of(System.getProperty("sessiondb.settings", paths.appConfigDir().resolve("settings.json").toString()));
        StringProperty status = new SimpleStringProperty("Ready");
        PgCredentials.sendPasswordFileWarningsTo(warning -> Platform.runLater(() -> status.set(warning)));
        return new AppServices(
                new SettingsStore(settingsFile),
                new JavaFxDialogService(stage, status::set),
                new UiTaskExecutor(),
                locator -> StoreFactory.open(locator, OpenMode.EXISTING),
                () -> DiscoveredEntries.of(new StoreDiscovery(paths, List.of()).discover(ProgressMonitor.NONE)),
                new Credentials(paths.home(), System.getenv()),
                CatalogRecorder.journal(paths.appDataDir(), warning -> Platform.runLater(() -> status.set(warning))),
                status);
    }
}
