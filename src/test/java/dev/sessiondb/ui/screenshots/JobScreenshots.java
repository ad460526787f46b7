package dev.sessiondb.ui.screenshots;

import static dev.sessiondb.ui.screenshots.ScreenCapture.onFx;
import static dev.sessiondb.ui.screenshots.ScreenCapture.waitFor;

import dev.sessiondb.catalog.CatalogRecorder;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.ui.AppServices;
import dev.sessiondb.ui.MainWindow;
import dev.sessiondb.ui.ScriptedDialogService;
import dev.sessiondb.ui.TestStores;
import dev.sessiondb.ui.common.BreakableText;
import dev.sessiondb.ui.common.SettingsStore;
import dev.sessiondb.ui.common.UiTaskExecutor;
import dev.sessiondb.ui.diff.DiffFixtures;
import dev.sessiondb.ui.diff.DiffRow;
import dev.sessiondb.ui.diff.FieldRow;
import dev.sessiondb.ui.history.HistoryRow;
import dev.sessiondb.ui.stores.Credentials;
import dev.sessiondb.ui.wizard.consolidate.ConflictRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Renders the job screens into PNG files (run by docs/screenshots/render.sh under Xvfb, after ScreenshotRenderer):
 * the diff view with a changed record open (light and dark), the migration plan and its verified report, the
 * validation findings and the changeset preview, the job history, and the consolidation conflicts.
 */
public final class JobScreenshots {

    private static final double WIDTH = 1440;
    private static final double HEIGHT = 900;
    /** Sessions in the store whose migration is shown running. */
    private static final int LARGE_STORE = 200_000;

    private final Path out;
    private final Path work;

    private JobScreenshots(Path out, Path work) {
        this.out = out;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "docs/screenshots"));
        ScreenCapture.renderThenExit(() -> new JobScreenshots(out, Files.createTempDirectory("sessiondb-job-screenshots")).renderAll());
    }

    private void renderAll() throws Exception {
        Path a = DiffFixtures.storeA(work);
        Path b = DiffFixtures.storeB(work);
        Path fixture = TestStores.fixtureCopy(Files.createDirectories(work.resolve("fixture")));
        Scene scene = window("json:" + fixture);

        show(scene, "diff");
        type(scene, "#diff-store-a", a.toString());
        type(scene, "#diff-store-b", b.toString());
        press(scene, "#diff-compare");
        waitFor(() -> text(scene, "#diff-changed").equals("2"));
        onFx(() -> {
            TableView<DiffRow> table = table(scene, "#diff-table");
            table.getItems().stream().filter(row -> row.session().equals("task#002")).findFirst().ifPresent(table.getSelectionModel()::select);
        });
        waitFor(() -> text(scene, "#diff-record-title").startsWith("task#002"));
        onFx(() -> {
            TableView<FieldRow> records = table(scene, "#diff-records");
            records.getItems().stream().filter(row -> row.path().equals("pullRequest")).findFirst().ifPresent(records::scrollTo);
        });
        save(scene, "diff-changed-record.png");
        onFx(() -> ((ToggleButton) scene.lookup("#theme-toggle")).fire());
        save(scene, "diff-dark.png");
        onFx(() -> ((ToggleButton) scene.lookup("#theme-toggle")).fire());
        placesOfALongValue(scene);

        show(scene, "migrate");
        type(scene, "#migrate-source", fixture.toString());
        type(scene, "#migrate-target", work.resolve("sessions.db").toString());
        press(scene, "#migrate-next");
        press(scene, "#migrate-next");
        waitFor(() -> text(scene, "#migrate-plan-headline").startsWith("Ready"));
        save(scene, "migrate-plan.png");
        press(scene, "#migrate-next");
        press(scene, "#migrate-run");
        waitFor(() -> text(scene, "#migrate-report-headline").startsWith("Verified"));
        save(scene, "migrate-report.png");
        replacePlan(scene, b);
        migrationInProgress(scene);

        show(scene, "validate");
        press(scene, "#validate-next");
        waitFor(() -> onFx(() -> ((TreeView<?>) scene.lookup("#validate-findings")).getRoot().getChildren().size() == 5));
        selectFirstShownFinding(scene);
        save(scene, "validate-findings.png");
        press(scene, "#validate-next");
        waitFor(() -> !table(scene, "#validate-changes").getItems().isEmpty());
        save(scene, "validate-preview.png");
        press(scene, "#validate-next");
        press(scene, "#validate-run");
        waitFor(() -> text(scene, "#validate-result-headline").startsWith("Repaired"));
        waitFor(() -> onFx(() -> !((ListView<?>) scene.lookup("#validate-changed-sessions")).getItems().isEmpty()));
        save(scene, "validate-applied.png");

        show(scene, "history");
        press(scene, "#history-refresh");
        waitFor(() -> onFx(() -> table(scene, "#history-table").getItems().size() >= 1));
        selectFullestRun(scene);
        save(scene, "history.png");

        show(scene, "consolidate");
        onFx(() -> ((ListView<?>) scene.lookup("#consolidate-sources")).getItems().clear()); // not the open fixture: two overlapping stores
        for (Path source : List.of(a, b)) {
            type(scene, "#consolidate-new-source", source.toString());
            press(scene, "#consolidate-add");
        }
        press(scene, "#consolidate-next");
        type(scene, "#consolidate-target", work.resolve("all.db").toString());
        press(scene, "#consolidate-next");
        waitFor(() -> onFx(() -> table(scene, "#consolidate-conflicts") != null && table(scene, "#consolidate-conflicts").getItems().size() == 2));
        onFx(() -> {
            TableView<ConflictRow> conflicts = table(scene, "#consolidate-conflicts");
            conflicts.getSelectionModel().select(conflicts.getItems().stream().filter(row -> row.session().equals("task#002")).findFirst().orElseThrow());
        });
        waitFor(() -> text(scene, "#consolidate-compared").startsWith("task#002"));
        save(scene, "consolidate-conflicts.png");
    }

    /** A commit message edited in three places, and the window that lists each place. */
    private void placesOfALongValue(Scene scene) throws Exception {
        List<String> lines = IntStream.range(1, 25).mapToObj(i -> "- step " + i + ": update the session store and check its records").toList();
        List<String> edited = new ArrayList<>(lines);
        edited.set(2, "- step 3: update the session store and verify its records");
        edited.add(12, "- step 12b: back the store up first");
        edited.set(20, "- step 20: done");
        Path a = DiffFixtures.oneSessionWith(work.resolve("message-a/session-db.json"), "lastCommitMessage", String.join("\n", lines));
        Path b = DiffFixtures.oneSessionWith(work.resolve("message-b/session-db.json"), "lastCommitMessage", String.join("\n", edited));
        type(scene, "#diff-store-a", a.toString());
        type(scene, "#diff-store-b", b.toString());
        press(scene, "#diff-compare");
        waitFor(() -> text(scene, "#diff-changed").equals("1"));
        onFx(() -> table(scene, "#diff-table").getSelectionModel().select(0));
        waitFor(() -> onFx(() -> scene.lookup("#diff-records .diff-open-places") != null));
        onFx(() -> ((Hyperlink) scene.lookup("#diff-records .diff-open-places")).fire());
        waitFor(() -> onFx(() -> Window.getWindows().stream().anyMatch(window -> window.getScene().lookup("#places-list") != null)));
        Window places = onFx(() -> Window.getWindows().stream()
                .filter(window -> window.getScene().lookup("#places-list") != null).findFirst().orElseThrow());
        save(places.getScene(), "diff-places.png");
        onFx(() -> {
            places.hide();
            return null;
        });
    }

    /**
     * Store B replacing the fixture just migrated: the plan counts the records it adds, replaces
     * and removes, and its headline says so in the warning tone. Leaves the wizard at its options
     * page, its mode new again.
     */
    private void replacePlan(Scene scene, Path storeB) throws Exception {
        back(scene, 3);
        type(scene, "#migrate-source", storeB.toString());
        type(scene, "#migrate-target", work.resolve("sessions.db").toString());
        press(scene, "#migrate-next");
        choose(scene, "#migrate-mode-replace");
        press(scene, "#migrate-next");
        waitFor(() -> text(scene, "#migrate-plan-headline").startsWith("Ready"));
        save(scene, "migrate-replace-plan.png");
        back(scene, 1);
        choose(scene, "#migrate-mode-new");
    }

    /** Picks a radio button once its page shows (Next checks the stores first). */
    private static void choose(Scene scene, String radio) throws Exception {
        waitFor(() -> onFx(() -> scene.lookup(radio) != null));
        onFx(() -> ((RadioButton) scene.lookup(radio)).fire());
    }

    /** Back by {@code pages}, each Back pressed once the wizard allows it (a plan page plans again when shown). */
    private static void back(Scene scene, int pages) throws Exception {
        for (int page = 0; page < pages; page++) {
            waitFor(() -> onFx(() -> !scene.lookup("#migrate-back").isDisabled()));
            press(scene, "#migrate-back");
        }
    }

    /**
     * A 200,000-session sample store migrating: the jobs panel shows progress, rate and time left;
     * then it is cancelled. Large enough to be still running when Cancel is pressed (60,000 took
     * about half a second by now).
     */
    private void migrationInProgress(Scene scene) throws Exception {
        Path large = Files.createDirectories(work.resolve("large")).resolve("session-db.json");
        TestStores.withRecords(large, SampleSessions.minsky(LARGE_STORE, 11), LARGE_STORE).close();
        back(scene, 1);
        type(scene, "#migrate-source", large.toString());
        type(scene, "#migrate-target", work.resolve("large.db").toString());
        press(scene, "#migrate-next");
        press(scene, "#migrate-next");
        waitFor(() -> text(scene, "#migrate-plan-headline").startsWith("Ready"));
        press(scene, "#migrate-next");
        press(scene, "#migrate-run");
        // the wizard's line, not the panel's bar: the line's text and bar change together (every 200 ms), with a rate once known
        waitFor(() -> text(scene, "#migrate-progress-text").contains("/s")
                && onFx(() -> ((ProgressBar) scene.lookup("#migrate-progress-bar")).getProgress() > 0.15));
        save(scene, "migrate-progress.png");
        press(scene, "#migrate-cancel");
        // on a fast hour the job's last records are written before the cancel reaches it
        waitFor(() -> text(scene, "#migrate-run-status").startsWith("Cancelled") || text(scene, "#migrate-run-status").startsWith("Done"));
    }

    private Scene window(String store) throws Exception {
        Path directory = Files.createDirectories(work.resolve("window"));
        SettingsStore settings = new SettingsStore(directory.resolve("settings.json"));
        settings.update(state -> state.withRecent(store).withWindowSize(WIDTH, HEIGHT));
        AppServices services = new AppServices(settings, new ScriptedDialogService(), new UiTaskExecutor(),
                locator -> StoreFactory.open(locator, OpenMode.EXISTING), List::of,
                new Credentials(directory.resolve("no-pgpass"), Map.of()), CatalogRecorder.journal(directory.resolve("journal"), warning -> { }),
                new SimpleStringProperty("Ready"));
        return onFx(() -> {
            Stage stage = new Stage();
            MainWindow window = new MainWindow(services);
            window.show(stage);
            return stage.getScene();
        });
    }

    private static void show(Scene scene, String view) throws Exception {
        onFx(() -> ((TabPane) scene.lookup("#main-views")).getTabs().stream()
                .filter(tab -> tab.getId().equals("view-" + view)).findFirst().ifPresent(tab -> tab.getTabPane().getSelectionModel().select(tab)));
    }

    private static void type(Scene scene, String picker, String text) throws Exception {
        onFx(() -> ((ComboBox<?>) scene.lookup(picker)).getEditor().setText(text));
    }

    private static void press(Scene scene, String button) throws Exception {
        onFx(() -> ((Button) scene.lookup(button)).fire());
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(Scene scene, String id) {
        return (TableView<T>) scene.lookup(id);
    }

    private static String text(Scene scene, String id) throws Exception {
        return onFx(() -> ((Label) scene.lookup(id)).getText());
    }

    /** The run with the most to tell (counts, backup, report), read whole below the table. */
    private static void selectFullestRun(Scene scene) throws Exception {
        String runId = onFx(() -> {
            @SuppressWarnings("unchecked")
            TableView<HistoryRow> history = (TableView<HistoryRow>) scene.lookup("#history-table");
            HistoryRow fullest = history.getItems().stream().max(Comparator.comparingLong(row -> row.story().lines().count())).orElseThrow();
            history.getSelectionModel().select(fullest);
            return fullest.job().runId();
        });
        waitFor(() -> onFx(() -> ((TextArea) scene.lookup("#history-run-text")).getText().endsWith("Run: " + runId)));
    }

    private void save(Scene scene, String file) throws Exception {
        ScreenCapture.save(scene, out.resolve(file));
    }

    /** Selects a finding, and waits for its row to show it whole (wrapped to its text's height a layout after it is shown). */
    private static void selectFirstShownFinding(Scene scene) throws Exception {
        onFx(() -> {
            @SuppressWarnings("unchecked")
            TreeView<String> tree = (TreeView<String>) scene.lookup("#validate-findings");
            TreeItem<String> first = tree.getRoot().getChildren().stream().filter(TreeItem::isExpanded).findFirst().orElseThrow().getChildren().get(0);
            tree.getSelectionModel().select(first);
        });
        waitFor(() -> onFx(() -> scene.getRoot().lookupAll("#validate-findings .tree-cell").stream().map(TreeCell.class::cast)
                .anyMatch(row -> row.isSelected() && row.getItem() != null && row.getChildrenUnmodifiable().stream()
                        .anyMatch(shown -> shown instanceof Text text && text.getText().equals(BreakableText.shown(String.valueOf(row.getItem())))))));
    }
}
