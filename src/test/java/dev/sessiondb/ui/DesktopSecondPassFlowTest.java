package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.click;
import static dev.sessiondb.ui.WindowSteps.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.ui.common.BreakableText;
import dev.sessiondb.ui.common.SavedStoreList;
import dev.sessiondb.ui.common.SettingsStore;
import dev.sessiondb.ui.diff.DiffFixtures;
import dev.sessiondb.ui.diff.FieldRow;
import dev.sessiondb.ui.overview.OverviewViewModel;
import dev.sessiondb.ui.stores.StoreEntry;
import dev.sessiondb.ui.wizard.consolidate.ConflictRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The second pass over the desktop app (issue 11), each flow driven like a user would on a copy
 * of the real fixture at 1280x800 (headless under Monocle). Every step waits on the app's state.
 * The sessions table's flows of that pass are in {@link SessionsTableFlowTest}.
 */
class DesktopSecondPassFlowTest extends WindowOverFreshRun {

    private final AtomicInteger jobsListed = new AtomicInteger();
    private Path fixture;
    private Path saved;
    private Path savedStore;
    private SettingsStore settings;

    @Start
    void start(Stage stage) throws Exception {
        fixture = TestStores.fixtureCopy(run);
        saved = Files.createDirectories(run.resolve("saved"));
        settings = settings();
        // another store saved earlier: job screens must not pick it over the one on screen
        savedStore = TestStores.fixtureCopy(saved);
        settings.update(state -> state.withSavedStores(List.of("json:" + savedStore)));
        AppServices services = TestWindows.services(run, dialogs);
        services.executor().jobs().addListener((ListChangeListener<Task<?>>) change -> {
            while (change.next()) {
                jobsListed.addAndGet(change.getAddedSize());
            }
        });
        new MainWindow(services).show(stage);
    }

    // Problem 2: no validation nobody asked for; background work never opens the jobs panel; badge and panel agree

    @Test
    void openingAndRefreshingNeitherValidateNorOpenTheJobsPanelAndTheBadgeAgreesWithThePanel(FxRobot robot) {
        openFixture(robot);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        waitFor(() -> text(robot, "#overview-status").equals("json:" + fixture));
        robot.push(KeyCode.F5);
        waitFor(() -> text(robot, "#overview-status").equals("json:" + fixture));

        assertThat(AppState.read(() -> text(robot, "#overview-findings-status"))).isEqualTo(OverviewViewModel.NOT_CHECKED);
        assertThat(AppState.read(() -> List.copyOf(robot.lookup("#overview-findings").queryListView().getItems()))).isEmpty();
        assertThat(jobsListed).hasValue(0);
        assertThat(AppState.read(() -> robot.lookup("#jobs-view").tryQuery())).isEmpty();

        click(robot, "#run-checks");

        waitFor(() -> text(robot, "#overview-findings-status").startsWith("Top findings"));
        waitFor(() -> robot.lookup("#jobs-toggle").queryAs(ToggleButton.class).getText().equals("Jobs (0)"));
        assertThat(jobsListed).hasValue(1);
    }

    // Problem 4: job screens start from the open store and say where they write

    @Test
    void jobScreensStartFromTheOpenStoreAndSayWhereTheyWrite(FxRobot robot) {
        openFixture(robot);
        String open = "json:" + fixture;

        click(robot, "#jobs-menu");
        click(robot, "Validate and repair a store…");
        waitFor(() -> editorText(robot, "#validate-store").equals(open));
        assertThat(AppState.read(() -> text(robot, "#validate-writes-to"))).startsWith("Writes to: " + open);
        // the path broke inside its file name ("session-d / b.json"): it breaks after a slash, and is read aloud as it is
        Label writesTo = AppState.read(() -> robot.lookup("#validate-writes-to").queryAs(Label.class));
        assertThat(AppState.read(writesTo::getText)).contains("/" + BreakableText.BREAK);
        assertThat(AppState.read(writesTo::getAccessibleText)).startsWith("Writes to: " + open);

        click(robot, "#jobs-menu");
        click(robot, "Migrate a store into another format or layout…");
        waitFor(() -> editorText(robot, "#migrate-source").equals(open));
        assertThat(AppState.read(() -> text(robot, "#migrate-writes-to"))).isEqualTo("Writes to: no store chosen yet");

        click(robot, "#jobs-menu");
        click(robot, "Consolidate several stores into one…");
        waitFor(() -> robot.lookup("#consolidate-sources").queryListView().getItems().equals(List.of(open)));

        robot.push(KeyCode.CONTROL, KeyCode.D);
        waitFor(() -> editorText(robot, "#diff-store-a").equals(open));
    }

    /** An audit: a password typed in a locator showed in clear on the "Writes to:" line; nor may a consolidation's sources list show it. */
    @Test
    void aTypedPasswordIsMaskedOnTheJobScreens(FxRobot robot) {
        String typed = TestStores.TYPED_WITH_PASSWORDS.get(0);

        click(robot, "#jobs-menu");
        click(robot, "Migrate a store into another format or layout…");
        // looked up on the FX thread: the window builds the wizards' pages ahead, a node a pulse, while the test reads it
        ComboBox<?> target = AppState.read(() -> robot.lookup("#migrate-target").queryAs(ComboBox.class));
        robot.interact(() -> target.getEditor().setText(typed));
        waitFor(() -> text(robot, "#migrate-writes-to").contains("127.0.0.1:55434"));
        TestStores.assertShownMasked(typed, AppState.read(() -> text(robot, "#migrate-writes-to")));

        click(robot, "#jobs-menu");
        click(robot, "Consolidate several stores into one…");
        ComboBox<?> source = AppState.read(() -> robot.lookup("#consolidate-new-source").queryAs(ComboBox.class));
        robot.interact(() -> source.getEditor().setText(typed));
        robot.clickOn(AppState.read(() -> source.getEditor())).push(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#consolidate-sources .list-cell").queryAllAs(ListCell.class).stream()
                .anyMatch(cell -> cell.getText() != null && cell.getText().contains("127.0.0.1:55434")));
        AppState.read(() -> robot.lookup("#consolidate-sources .list-cell").queryAllAs(ListCell.class).stream().map(ListCell::getText)
                .filter(shown -> shown != null && shown.contains("127.0.0.1")).toList()).forEach(shown -> TestStores.assertShownMasked(typed, shown));
    }

    /** A job's wizard, the diff and the history have no use for the session's detail: it folds away and gives them its room. */
    @Test
    void theDetailPaneFoldsAwayInFrontOfTheJobScreensAndComesBackForTheSessions(FxRobot robot) {
        openFixture(robot);
        waitFor(() -> WindowSteps.detailShown(robot));

        click(robot, "#jobs-menu");
        click(robot, "Migrate a store into another format or layout…");
        waitFor(() -> !WindowSteps.detailShown(robot));
        click(robot, "#jobs-menu");
        click(robot, "Validate and repair a store…");
        waitFor(() -> WindowSteps.detailShown(robot)); // a finding's session shows there
        robot.push(KeyCode.CONTROL, KeyCode.H);
        waitFor(() -> !WindowSteps.detailShown(robot));
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        waitFor(() -> WindowSteps.detailShown(robot));
    }

    // Problem 5: a store that failed to open is not saved

    @Test
    void aTruncatedStoreIsReportedAndNotSaved(FxRobot robot) throws Exception {
        Path truncated = run.resolve("truncated.json");
        Files.writeString(truncated, "{\"sessions\": [{\"session\": \"a\", \"repoName\": \"x\"");
        List<String> before = new SavedStoreList(run.resolve("backups"), settings).load();
        dialogs.answer(truncated);

        robot.push(KeyCode.CONTROL, KeyCode.O);

        waitFor(() -> !dialogs.errors().isEmpty());
        assertThat(dialogs.errors()).singleElement().asString().startsWith("Cannot open").contains("the file ends before its JSON is complete")
                .doesNotContain("start marker");
        assertThat(new SavedStoreList(run.resolve("backups"), settings).load()).isEqualTo(before).hasSize(1);
    }

    // Problem 7: conflicts are compared side by side, in plain words, before the user picks

    @Test
    void aConflictsVersionsAreSideBySideBeforeTheUserPicksOne(FxRobot robot) {
        Path a = DiffFixtures.storeA(run);
        Path b = DiffFixtures.storeB(run);
        click(robot, "#jobs-menu");
        click(robot, "Consolidate several stores into one…");
        for (Path source : List.of(a, b)) { // Enter in the source field adds it
            ComboBox<?> field = AppState.read(() -> robot.lookup("#consolidate-new-source").queryAs(ComboBox.class));
            robot.interact(() -> field.getEditor().setText(source.toString()));
            robot.clickOn(AppState.read(() -> field.getEditor())).push(KeyCode.ENTER);
            waitFor(() -> robot.lookup("#consolidate-sources").queryListView().getItems().contains(source.toString()));
        }
        click(robot, "#consolidate-next");
        ComboBox<?> target = AppState.read(() -> robot.lookup("#consolidate-target").queryAs(ComboBox.class));
        robot.interact(() -> target.getEditor().setText(run.resolve("all.db").toString()));
        robot.interact(() -> robot.lookup("#consolidate-policy").queryAs(ChoiceBox.class).getSelectionModel().select(2));
        click(robot, "#consolidate-next");
        // the next page comes once the target's locator is checked, off the FX thread
        waitFor(() -> robot.lookup("#consolidate-conflicts").tryQuery().isPresent());
        TableView<ConflictRow> conflicts = AppState.read(() -> robot.lookup("#consolidate-conflicts").queryTableView());
        waitFor(() -> conflicts.getItems().size() == 2);
        assertThat(AppState.read(() -> List.copyOf(conflicts.getItems()))).extracting(ConflictRow::byPolicy).allSatisfy(text -> assertThat(text).doesNotContain("--on-conflict"));

        robot.interact(() -> conflicts.getSelectionModel().select(conflicts.getItems().stream()
                .filter(row -> row.session().equals("task#008")).findFirst().orElseThrow()));

        TableView<FieldRow> versions = AppState.read(() -> robot.lookup("#consolidate-versions").queryTableView());
        waitFor(() -> text(robot, "#consolidate-compared").startsWith("task#008: on the left the version in source 1"));
        assertThat(AppState.read(() -> List.copyOf(versions.getItems()))).anySatisfy(row -> assertThat(row.state()).isEqualTo(FieldRow.State.CHANGED));
        // a value cut by the column's width shows whole in its tooltip, made when the pointer comes
        waitFor(() -> robot.lookup("#consolidate-versions .table-cell").queryAllAs(TableCell.class).stream()
                .anyMatch(cell -> cell.getText() != null && !cell.getText().isEmpty()));
        TableCell<?, ?> valued = AppState.read(() -> robot.lookup("#consolidate-versions .table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> cell.getText() != null && !cell.getText().isEmpty()).findFirst().orElseThrow());
        robot.moveTo(valued);
        waitFor(() -> valued.getTooltip() != null && valued.getText().equals(valued.getTooltip().getText()));

        // which two versions are compared is the user's choice: the first two listed until they pick others
        ComboBox<?> left = AppState.read(() -> robot.lookup("#consolidate-left-version").queryAs(ComboBox.class));
        assertThat(AppState.read(() -> left.getValue())).asString().startsWith("source 1");
        assertThat(AppState.read(() -> robot.lookup("#consolidate-right-version").queryAs(ComboBox.class).getValue())).asString().startsWith("source 2");
        robot.clickOn(left);
        waitFor(() -> robot.lookup(".combo-box-popup .list-cell").queryAllAs(ListCell.class).stream()
                .anyMatch(cell -> cell.getText() != null && cell.getText().startsWith("source 2")));
        robot.clickOn(AppState.read(() -> robot.lookup(".combo-box-popup .list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> cell.getText() != null && cell.getText().startsWith("source 2")).findFirst().orElseThrow()));
        waitFor(() -> text(robot, "#consolidate-compared").startsWith("task#008: on the left the version in source 2"));
        assertThat(AppState.read(() -> List.copyOf(versions.getItems()))).noneSatisfy(row -> assertThat(row.state()).isEqualTo(FieldRow.State.CHANGED));
    }

    // Smaller: an identical diff says so; the theme button names the theme it switches to

    @Test
    void anIdenticalDiffSaysSoAndTheThemeButtonNamesTheOtherTheme(FxRobot robot) throws Exception {
        Path copy = Files.createDirectories(run.resolve("copy"));
        Files.copy(fixture, copy.resolve("session-db.json"));
        robot.push(KeyCode.CONTROL, KeyCode.D);
        ComboBox<?> a = AppState.read(() -> robot.lookup("#diff-store-a").queryAs(ComboBox.class));
        ComboBox<?> b = AppState.read(() -> robot.lookup("#diff-store-b").queryAs(ComboBox.class));
        robot.interact(() -> {
            a.getEditor().setText(fixture.toString());
            b.getEditor().setText(copy.resolve("session-db.json").toString());
        });
        click(robot, "#diff-compare");

        waitFor(() -> robot.lookup("#diff-table .label").queryAllAs(Label.class).stream()
                .anyMatch(label -> label.getText().startsWith("No differences: both stores hold the same sessions")));

        assertThat(AppState.read(() -> robot.lookup("#theme-toggle").queryAs(ToggleButton.class).getText())).isEqualTo("Dark theme");
        click(robot, "#theme-toggle");
        waitFor(() -> robot.lookup("#theme-toggle").queryAs(ToggleButton.class).getText().equals("Light theme"));
        click(robot, "#theme-toggle");
    }

    // Export one session from the detail pane

    @Test
    void theSelectedSessionExportsAsJsonWithSecretsMasked(FxRobot robot) throws Exception {
        openFixture(robot);
        robot.clickOn(WindowSteps.sessionCell(robot, 0));
        waitFor(() -> !text(robot, "#detail-title").isEmpty());
        Path file = run.resolve("one-session.json");
        dialogs.answer(file);

        click(robot, "#export-session");
        click(robot, "JSON (the whole record)…");

        waitFor(() -> Files.exists(file));
        assertThat(JsonCodec.parse(Files.readString(file)).path("session").asText()).isEqualTo(AppState.read(() -> text(robot, "#detail-title")));
        waitFor(() -> dialogs.notifications().stream().anyMatch(message -> message.endsWith("(secrets masked)")));
    }

    @Test
    void exportingTheSelectedSessionOntoTheOpenStoreIsRefusedInTheWindowAndTheStoreSurvives(FxRobot robot) throws Exception {
        openFixture(robot);
        robot.clickOn(WindowSteps.sessionCell(robot, 0));
        waitFor(() -> !text(robot, "#detail-title").isEmpty());
        byte[] before = Files.readAllBytes(fixture);
        dialogs.answer(fixture);

        click(robot, "#export-session");
        click(robot, "JSON (the whole record)…");

        waitFor(() -> dialogs.errors().stream().anyMatch(error -> error.contains(fixture + " is the store being exported from")
                && error.endsWith("nothing was written; choose another file")));
        assertThat(Files.readAllBytes(fixture)).isEqualTo(before);
        assertThat(dialogs.notifications()).noneMatch(message -> message.startsWith("Exported"));
    }

    // D10: the highlighted store is the open one, so an edit never goes to another store than the one highlighted

    @Test
    void aClickOnASavedOrRecentStoreOpensItAndEachListHighlightsTheOpenStore(FxRobot robot) {
        openFixture(robot);
        ListView<?> savedList = AppState.read(() -> robot.lookup("#saved-stores").queryListView());
        ListView<?> recentList = AppState.read(() -> robot.lookup("#recent-stores").queryListView());
        // Ctrl+O opens the chosen file among the recent stores; Saved keeps only the store saved earlier
        waitFor(() -> openStore(robot).equals("Open store: json:" + fixture) && savedList.getItems().size() == 1 && recentList.getItems().size() == 1
                && savedList.getSelectionModel().getSelectedIndex() == -1 && recentList.getSelectionModel().getSelectedIndex() == 0);

        robot.clickOn(AppState.read(() -> robot.lookup("#saved-stores .list-cell").nth(0).queryAs(Node.class)));
        waitFor(() -> openStore(robot).equals("Open store: json:" + savedStore) && recentList.getItems().size() == 2);
        waitFor(() -> savedList.getSelectionModel().getSelectedIndex() == 0 && recentList.getSelectionModel().getSelectedIndex() == 0);

        robot.clickOn(AppState.read(() -> robot.lookup("#recent-stores .list-cell").nth(1).queryAs(Node.class)));
        waitFor(() -> openStore(robot).equals("Open store: json:" + fixture) && savedList.getSelectionModel().getSelectedIndex() == -1);
        waitFor(() -> recentList.getSelectionModel().getSelectedIndex() == 0);
        // the cells, made once and refilled as the list's order changed, name the store each now holds
        waitFor(() -> robot.lookup("#recent-stores .list-cell").queryAllAs(ListCell.class).stream().allMatch(cell -> cell.isEmpty()
                ? cell.getTooltip() == null && cell.getGraphic() == null
                : cell.getItem() instanceof StoreEntry entry && cell.getTooltip().getText().equals(entry.locator())
                        && cell.getAccessibleText().startsWith(entry.title() + ", ")));
        assertThat(AppState.read(() -> List.copyOf(savedList.getItems()))).as("opening saves nothing").hasSize(1);
        assertThat(dialogs.errors()).isEmpty();
    }

    private static String openStore(FxRobot robot) {
        return robot.lookup("#open-store").queryAs(Label.class).getAccessibleText();
    }

    private void openFixture(FxRobot robot) {
        WindowSteps.openFixtureCopy(robot, dialogs, fixture);
    }

    private static String editorText(FxRobot robot, String picker) {
        return robot.lookup(picker).queryAs(ComboBox.class).getEditor().getText();
    }
}
