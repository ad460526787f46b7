package dev.sessiondb.ui.stores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.sql.PgCredentials;
import dev.sessiondb.ui.ScriptedDialogService;
import dev.sessiondb.ui.common.CurrentStore;
import dev.sessiondb.ui.common.LocatorInput;
import dev.sessiondb.ui.common.SavedStoreList;
import dev.sessiondb.ui.common.SettingsStore;
import dev.sessiondb.ui.common.UiTaskExecutor;
import dev.sessiondb.ui.common.UndoStack;
import dev.sessiondb.ui.wizard.migrate.MigrateWizardViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The login without a password, which waits up to 5 s on a server that does not answer, runs off the FX thread: here the
 * server answers only when the test lets it, and meanwhile the window says it is connecting and goes on answering.
 */
@ExtendWith(ApplicationExtension.class)
class LoginProbeOffFxThreadTest {

    private static final String SERVER = "postgresql://someone@127.0.0.1:1/sessions";
    private static final String UNREACHABLE = "cannot reach PostgreSQL at 127.0.0.1:1; check that the server runs";

    @TempDir
    Path directory;

    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final UiTaskExecutor executor = new UiTaskExecutor();
    private final CountDownLatch probing = new CountDownLatch(1);
    private final CountDownLatch serverAnswers = new CountDownLatch(1);
    private final AtomicBoolean probedOnFxThread = new AtomicBoolean();
    private final List<StoreLocator> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        // no window: the view models are driven on the FX thread as the window drives them
    }

    @AfterEach
    void stop() {
        serverAnswers.countDown();
        executor.shutdown();
    }

    @Test
    void openingAStoreOnAServerThatDoesNotAnswerLeavesTheWindowFreeAndSaysItIsConnecting(FxRobot robot) throws Exception {
        StoresViewModel stores = read(() -> new StoresViewModel(new SettingsStore(directory.resolve("settings.json")),
                new SavedStoreList(directory.resolve("data"), new SettingsStore(directory.resolve("settings.json"))), List::of,
                credentials(), this::unreachable, new CurrentStore(), dialogs, executor));

        robot.interact(() -> stores.open(SERVER));

        assertThat(probing.await(60, TimeUnit.SECONDS)).as("the login probe started").isTrue();
        assertThat(probedOnFxThread).as("the probe ran on the FX thread").isFalse();
        assertThat(read(() -> List.copyOf(dialogs.notifications()))).as("the status line while the server is silent")
                .containsExactly("Connecting to " + SERVER + " …");
        assertThat(opened).isEmpty();

        serverAnswers.countDown();
        waitFor(() -> !dialogs.errors().isEmpty());
        assertThat(read(() -> List.copyOf(dialogs.errors()))).containsExactly("Cannot open " + SERVER + ": " + UNREACHABLE);
        assertThat(dialogs.notifications()).last().isEqualTo("Ready");
    }

    @Test
    void planningAMigrationFromASilentServerKeepsTheWizardBusyWithoutBlockingTheWindow(FxRobot robot) throws Exception {
        MigrateWizardViewModel wizard = read(() -> new MigrateWizardViewModel(executor, dialogs,
                new LocatorInput(credentials(), dialogs, executor), new UndoStack(executor, dialogs),
                new BackupJournal(directory.resolve("journal")), Platform::runLater));
        robot.interact(() -> {
            wizard.source().textProperty().set(SERVER);
            wizard.target().textProperty().set(directory.resolve("sessions.db").toString());
            wizard.makePlan();
        });

        assertThat(probing.await(60, TimeUnit.SECONDS)).as("the login probe started").isTrue();
        assertThat(probedOnFxThread).as("the probe ran on the FX thread").isFalse();
        assertThat(read(() -> wizard.steps().busyProperty().get())).as("Back and Next wait for the server").isTrue();
        assertThat(read(wizard.statusProperty()::get)).isEqualTo("Planning …");
        assertThat(read(() -> List.copyOf(dialogs.notifications()))).containsExactly("Connecting to " + SERVER + " …");

        serverAnswers.countDown();
        waitFor(() -> wizard.planProperty().get() != null && !wizard.steps().busyProperty().get());
        assertThat(read(() -> wizard.planProperty().get().headline())).startsWith("Cannot plan");
    }

    /** Credentials whose login probe waits until the test lets the server answer, then finds no refusal. */
    private Credentials credentials() {
        return new Credentials(directory.resolve("no-pgpass"), Map.of(), this::silentServerRefuses);
    }

    private boolean silentServerRefuses(PgCredentials credentials) {
        if (Platform.isFxApplicationThread()) {
            probedOnFxThread.set(true); // not blocked here: the test fails on the flag instead of hanging the FX thread
            return false;
        }
        probing.countDown();
        try {
            serverAnswers.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private SessionStore unreachable(StoreLocator locator) {
        opened.add(locator);
        throw new StoreException(UNREACHABLE);
    }

    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> read(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T read(Callable<T> value) throws InterruptedException, ExecutionException {
        return WaitForAsyncUtils.asyncFx(value).get();
    }
}
