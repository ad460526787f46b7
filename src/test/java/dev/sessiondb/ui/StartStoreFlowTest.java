package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.sample.DemoStores;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.selection.MinskyPaths;
import dev.sessiondb.store.sql.TestPostgres;
import dev.sessiondb.store.selection.StoreSelection;
import dev.sessiondb.ui.stores.FirstRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Which store the window opens as it starts, with a store open last remembered: the one
 * {@code SESSIONDB_STORE} names when it is set for the run (and the status line says so), else the last one.
 */
class StartStoreFlowTest extends WindowOverFreshRun {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void sessiondbStoreSetForTheRunIsOpenedOverTheStoreOpenLast(FxRobot robot) throws Exception {
        Path named = TestStores.fixtureCopy(Files.createDirectories(run.resolve("named")));

        startWith(robot, Map.of("SESSIONDB_STORE", "json:" + named));

        waitFor(() -> openStore(robot).equals("Open: " + named.getFileName()));
        waitFor(() -> !dialogs.notifications().isEmpty());
        assertThat(read(() -> List.copyOf(dialogs.notifications())))
                .containsExactly("Opened json:" + named + ": SESSIONDB_STORE names it, before the store open last");
    }

    @Test
    void withoutSessiondbStoreTheStoreOpenLastIsOpenedAgain(FxRobot robot) throws Exception {
        startWith(robot, Map.of());

        waitFor(() -> openStore(robot).equals("Open: last.db"));
        assertThat(read(() -> List.copyOf(dialogs.notifications()))).noneMatch(line -> line.contains("SESSIONDB_STORE"));
    }

    /** An audit's wrong password at the start brought the same empty prompt back, and Cancel left the status line saying "Ready". */
    @Test
    void aWrongPasswordForTheStoreOpenLastIsAskedForAgainSayingSoAndCancelSaysWhyNothingOpened(FxRobot robot) throws Exception {
        String store = passwordStoreOpenLast();
        dialogs.answer("mistyped").answer(null);

        startAt(robot, Map.of());

        waitFor(() -> dialogs.notifications().stream().anyMatch(line -> line.startsWith("Did not open")));
        assertThat(read(() -> List.copyOf(dialogs.passwordPrompts()))).containsExactly("Password for user " + TestPostgres.PASSWORD_USER + " on " + store,
                "PostgreSQL refused that password for user " + TestPostgres.PASSWORD_USER + " on " + store + ": type it again");
        assertThat(read(() -> List.copyOf(dialogs.notifications()))).last().isEqualTo("Did not open " + store
                + ": PostgreSQL refused the password typed for user " + TestPostgres.PASSWORD_USER + ", and the prompt was cancelled");
        assertThat(read(() -> List.copyOf(dialogs.errors()))).isEmpty();
    }

    @Test
    void theRightPasswordTypedAfterAWrongOneOpensTheStoreOpenLast(FxRobot robot) throws Exception {
        String store = passwordStoreOpenLast();
        dialogs.answer("mistyped").answer(TestPostgres.PASSWORD);

        startAt(robot, Map.of());

        waitFor(() -> dialogs.notifications().contains("Opened " + store));
        assertThat(read(() -> List.copyOf(dialogs.passwordPrompts()))).hasSize(2);
        assertThat(read(() -> List.copyOf(dialogs.errors()))).isEmpty();
    }

    /** A PostgreSQL store that logs in only with a password, remembered as the store open last; returns it as shown. */
    private String passwordStoreOpenLast() throws Exception {
        TestPostgres postgres = TestPostgres.get();
        String schema = postgres.freshSchema().param("schema").orElseThrow();
        String store = "postgresql://" + TestPostgres.PASSWORD_USER + "@" + postgres.host() + ":" + postgres.port() + "/" + postgres.database()
                + "?schema=" + schema;
        StoreFactory.open(StoreLocator.parse(store.replace("@", ":" + TestPostgres.PASSWORD + "@")), OpenMode.CREATE_IF_MISSING).close();
        settings().update(state -> state.withRecent(store));
        return store;
    }

    /** The window over the settings file in {@link #run}, under {@code env}. */
    private void startAt(FxRobot robot, Map<String, String> env) {
        StoreSelection selection = new StoreSelection(new MinskyPaths(env, run.resolve("home")), run);
        FirstRun start = new FirstRun(selection::explicitChoice, () -> {
            throw new AssertionError("a store open last was remembered: no default store is needed");
        }, new DemoStores(run.resolve("demo")));
        robot.interact(() -> new MainWindow(TestWindows.services(run, dialogs), start).show(stage));
    }

    /** The window over a settings file whose store open last is a SQLite store, under {@code env}; returns that store. */
    private StoreLocator startWith(FxRobot robot, Map<String, String> env) throws Exception {
        StoreLocator last = StoreLocator.of(StoreFormat.SQLITE, run.resolve("last.db"));
        StoreFactory.open(last, OpenMode.CREATE_IF_MISSING).close();
        settings().update(state -> state.withRecent(last.display()));
        startAt(robot, env);
        return last;
    }

    private static String openStore(FxRobot robot) {
        return robot.lookup("#open-store").queryAs(Label.class).getText();
    }
}
