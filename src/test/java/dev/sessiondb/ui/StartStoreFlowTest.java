package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.sample.DemoStores;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.selection.MinskyPaths;
import dev.sessiondb.store.selection.StoreSelection;
import dev.sessiondb.ui.common.SettingsStore;
import dev.sessiondb.ui.common.UiTaskExecutor;
import dev.sessiondb.ui.stores.Credentials;
import dev.sessiondb.ui.stores.FirstRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Which store the window opens as it starts, with a store open last remembered: the one
 * {@code SESSIONDB_STORE} names when it is set for the run (and the status line says so), else the last one.
 */
@ExtendWith(ApplicationExtension.class)
class StartStoreFlowTest {

    @TempDir
    static Path directory;

    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void sessiondbStoreSetForTheRunIsOpenedOverTheStoreOpenLast(FxRobot robot) throws Exception {
        Path run = Files.createTempDirectory(directory, "run");
        Path named = TestStores.fixtureCopy(Files.createDirectories(run.resolve("named")));

        startWith(robot, run, Map.of("SESSIONDB_STORE", "json:" + named));

        waitFor(() -> openStore(robot).equals("Open: " + named.getFileName()));
        waitFor(() -> !dialogs.notifications().isEmpty());
        assertThat(read(() -> List.copyOf(dialogs.notifications())))
                .containsExactly("Opened json:" + named + ": SESSIONDB_STORE names it, before the store open last");
    }

    @Test
    void withoutSessiondbStoreTheStoreOpenLastIsOpenedAgain(FxRobot robot) throws Exception {
        Path run = Files.createTempDirectory(directory, "run");

        startWith(robot, run, Map.of());

        waitFor(() -> openStore(robot).equals("Open: last.db"));
        assertThat(read(() -> List.copyOf(dialogs.notifications()))).noneMatch(line -> line.contains("SESSIONDB_STORE"));
    }

    /** The window over a settings file whose store open last is a SQLite store, under {@code env}; returns that store. */
    private StoreLocator startWith(FxRobot robot, Path run, Map<String, String> env) throws Exception {
        StoreLocator last = StoreLocator.of(StoreFormat.SQLITE, run.resolve("last.db"));
        StoreFactory.open(last, OpenMode.CREATE_IF_MISSING).close();
        SettingsStore settings = new SettingsStore(run.resolve("settings.json"));
        settings.update(state -> state.withRecent(last.display()));
        StoreSelection selection = new StoreSelection(new MinskyPaths(env, run.resolve("home")), run);
        FirstRun start = new FirstRun(selection::explicitChoice, () -> {
            throw new AssertionError("a store open last was remembered: no default store is needed");
        }, new DemoStores(run.resolve("demo")));
        AppServices services = new AppServices(settings, dialogs, new UiTaskExecutor(),
                locator -> StoreFactory.open(locator, OpenMode.EXISTING), List::of,
                new Credentials(run.resolve("no-pgpass"), Map.of()), new BackupJournal(run.resolve("backups")), new SimpleStringProperty(""));
        robot.interact(() -> new MainWindow(services, start).show(stage));
        return last;
    }

    private static String openStore(FxRobot robot) {
        return robot.lookup("#open-store").queryAs(Label.class).getText();
    }
}
