package dev.sessiondb.ui.screenshots;

import static dev.sessiondb.ui.screenshots.ScreenCapture.onFx;
import static dev.sessiondb.ui.screenshots.ScreenCapture.waitFor;

import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.ui.AppServices;
import dev.sessiondb.ui.MainWindow;
import dev.sessiondb.ui.ScriptedDialogService;
import dev.sessiondb.ui.TestStores;
import dev.sessiondb.ui.common.SettingsStore;
import dev.sessiondb.ui.common.UiTaskExecutor;
import dev.sessiondb.ui.sessions.PagedSessionList;
import dev.sessiondb.ui.stores.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

/**
 * Renders the main screens into PNG files (run by docs/screenshots/render.sh under Xvfb):
 * the empty first start, the main window on the real fixture with a session selected, the
 * overview, the dark theme, a sample store with a nested record (pull request) open, and a
 * chat store's conversation, and a 100,000-session SQLite store scrolled far down.
 */
public final class ScreenshotRenderer {

    private static final double WIDTH = 1440;
    private static final double HEIGHT = 880;

    private final Path out;
    private final Path work;
    private final ScriptedDialogService dialogs = new ScriptedDialogService();

    private ScreenshotRenderer(Path out, Path work) {
        this.out = out;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "docs/screenshots"));
        ScreenCapture.renderThenExit(() -> new ScreenshotRenderer(out, Files.createTempDirectory("sessiondb-screenshots")).renderAll());
    }

    private void renderAll() throws Exception {
        Scene empty = window("empty", null);
        save(empty, "empty-state.png");
        close(empty);

        Path fixture = TestStores.fixtureCopy(Files.createDirectories(work.resolve("fixture")));
        Scene main = window("main", "json:" + fixture);
        waitFor(() -> !text(main, "#session-count").isEmpty());
        selectRow(main, 6);
        waitFor(() -> !text(main, "#detail-title").isEmpty());
        save(main, "main-window.png");

        onFx(() -> ((TabPane) main.lookup("#main-views")).getSelectionModel().select(1));
        waitFor(() -> text(main, "#overview-status").startsWith("json:"));
        onFx(() -> ((Button) main.lookup("#run-checks")).fire());
        waitFor(() -> text(main, "#overview-findings-status").startsWith("Top findings"));
        save(main, "overview.png");
        onFx(() -> ((TabPane) main.lookup("#main-views")).getSelectionModel().select(0));
        tableWithFieldColumnAndPickList(main);

        onFx(() -> {
            ((TabPane) main.lookup("#main-views")).getSelectionModel().select(0);
            ((ToggleButton) main.lookup("#theme-toggle")).fire();
        });
        save(main, "dark-theme.png");
        onFx(() -> ((ToggleButton) main.lookup("#theme-toggle")).fire());
        close(main);

        Path samples = work.resolve("samples/session-db.json");
        Files.createDirectories(samples.getParent());
        TestStores.withRecords(samples, SampleSessions.minsky(2_000, 11), 2_000).close();
        Scene sample = window("samples", "json:" + samples);
        waitFor(() -> !text(sample, "#session-count").isEmpty());
        search(sample, "task-md#00001");
        waitFor(() -> text(sample, "#session-count").startsWith("10 of"));
        selectRow(sample, 2);
        waitFor(() -> text(sample, "#detail-title").startsWith("task-md#"));
        save(sample, "detail-nested.png");
        close(sample);

        renderConversation();
        renderLargeStore();
    }

    /** The table scrolled sideways to a column added for a nested field, with the Repo filter's pick list open. */
    private void tableWithFieldColumnAndPickList(Scene main) throws Exception {
        dialogs.answer("remote.authMethod");
        int before = onFx(() -> ((TableView<?>) main.lookup("#sessions-table")).getColumns().size());
        onFx(() -> {
            MenuButton columns = (MenuButton) main.lookup("#table-columns");
            columns.show();
            columns.getItems().stream().filter(item -> "add-column-other".equals(item.getId())).findFirst().orElseThrow().fire();
            columns.hide();
        });
        waitFor(() -> onFx(() -> ((TableView<?>) main.lookup("#sessions-table")).getColumns().size() == before + 1));
        onFx(() -> {
            MenuButton filter = (MenuButton) main.lookup("#filter-sessions");
            filter.getItems().stream().filter(item -> "filter-repo".equals(item.getId())).findFirst().orElseThrow().fire();
        });
        waitFor(() -> onFx(() -> main.lookup("#filter-pick").isVisible()));
        // scrolled once the pick list has taken its room: a scroll before that layout was undone by it
        onFx(() -> ((TableView<?>) main.lookup("#sessions-table")).scrollToColumnIndex(before));
        waitFor(() -> onFx(() -> main.lookup("#sessions-table").lookupAll(".scroll-bar").stream()
                .map(ScrollBar.class::cast)
                .anyMatch(bar -> bar.getOrientation() == Orientation.HORIZONTAL && bar.getValue() > 0)));
        save(main, "table-columns-pick-list.png");
        onFx(() -> ((Button) main.lookup("#close-pick-list")).fire());
    }

    /** A chat store: the detail pane's conversation tab. */
    private void renderConversation() throws Exception {
        Path file = Files.createDirectories(work.resolve("chat")).resolve("chat-sessions.json");
        List<SessionRecord> chats = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            chats.add(SampleSessions.chatRecord(i));
        }
        TestStores.withRecords(file, chats.iterator(), chats.size()).close();
        Scene chat = window("chat", "json:" + file);
        waitFor(() -> text(chat, "#session-count").equals("40 sessions"));
        selectRow(chat, 3);
        waitFor(() -> text(chat, "#detail-title").equals("chat-000003"));
        onFx(() -> ((TabPane) chat.lookup("#detail-tabs")).getSelectionModel().select(1));
        save(chat, "conversation.png");
        close(chat);
    }

    /** 100,000 sample sessions in SQLite: the table must show the first rows without reading the rest. */
    private void renderLargeStore() throws Exception {
        Path file = Files.createDirectories(work.resolve("large")).resolve("sessions.db");
        try (SessionStore store = StoreFactory.open(StoreLocator.of(StoreFormat.SQLITE, file), OpenMode.CREATE_IF_MISSING)) {
            store.write(WriteBatch.replaceAll(SampleSessions.minsky(100_000, 5), 100_000), ProgressMonitor.NONE);
        }
        long started = System.nanoTime();
        Scene large = window("large", "sqlite:" + file);
        waitFor(() -> text(large, "#session-count").equals("100,000 sessions"));
        System.out.printf("100,000-session SQLite store: first rows shown %d ms after the window opened%n", (System.nanoTime() - started) / 1_000_000);
        onFx(() -> ((ScrollBar) large.lookup("#sessions-scroll")).setValue(61_234));
        waitFor(() -> onFx(() -> ((TableView<?>) large.lookup("#sessions-table")).getItems() instanceof PagedSessionList rows
                && rows.start() <= 61_240 && 61_240 < rows.start() + rows.size()));
        selectRow(large, 61_240 - onFx(() -> ((PagedSessionList) ((TableView<?>) large.lookup("#sessions-table")).getItems()).start()));
        waitFor(() -> text(large, "#detail-title").startsWith("task-md#"));
        save(large, "large-store.png");
        close(large);
    }

    /** A window with its own settings; {@code store} (may be null) is the recent store it reopens. */
    private Scene window(String name, String store) throws Exception {
        Path directory = Files.createDirectories(work.resolve(name));
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        settings.update(state -> (store == null ? state : state.withRecent(store)).withWindowSize(WIDTH, HEIGHT));
        AppServices services = new AppServices(settings, dialogs, new UiTaskExecutor(),
                locator -> StoreFactory.open(locator, OpenMode.EXISTING), List::of,
                new Credentials(directory.resolve("no-pgpass"), Map.of()),
                new BackupJournal(directory.resolve("backups")), new SimpleStringProperty("Ready"));
        return onFx(() -> {
            Stage stage = new Stage();
            new MainWindow(services).show(stage);
            return stage.getScene();
        });
    }

    private static void search(Scene scene, String text) throws Exception {
        onFx(() -> ((TextField) scene.lookup("#session-search")).setText(text));
    }

    private static void selectRow(Scene scene, int index) throws Exception {
        onFx(() -> {
            TableView<?> table = (TableView<?>) scene.lookup("#sessions-table");
            table.getSelectionModel().select(index);
            table.requestFocus();
        });
    }

    private static String text(Scene scene, String id) {
        try {
            return onFx(() -> ((Label) scene.lookup(id)).getText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void save(Scene scene, String file) throws Exception {
        ScreenCapture.save(scene, out.resolve(file));
    }

    private static void close(Scene scene) throws Exception {
        onFx(() -> {
            ((Stage) scene.getWindow()).close();
            return null;
        });
    }
}
