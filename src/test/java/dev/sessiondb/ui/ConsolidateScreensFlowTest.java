package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.fieldText;
import static dev.sessiondb.ui.WindowSteps.toConsolidationTarget;
import static dev.sessiondb.ui.WindowSteps.press;
import static dev.sessiondb.ui.WindowSteps.text;
import static dev.sessiondb.ui.WindowSteps.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.sql.TestPostgres;
import dev.sessiondb.ui.common.BreakableText;
import dev.sessiondb.ui.diff.DiffFixtures;
import dev.sessiondb.ui.wizard.consolidate.ConflictRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The consolidate wizard end to end on copies of the diff fixtures, driven like a user would (headless under Monocle):
 * conflicts chosen, a target that holds sessions merged into, the target's own version offered, a dropped version
 * compared and reported whole, and a long report that keeps Back and Next in the window.
 */
class ConsolidateScreensFlowTest extends WindowOverFreshRun {

    @Start
    void start(Stage stage) {
        show(stage, new BackupJournal(run.resolve("journal")));
    }

    @Test
    void consolidateTwoStoresChoosingTheVersionOfOneConflict(FxRobot robot) {
        Path a = DiffFixtures.storeA(run);
        Path b = DiffFixtures.storeB(run);
        Path target = run.resolve("all.db");
        toTargetAndPolicy(robot, target, a, b);
        press(robot, "#consolidate-next");
        TableView<ConflictRow> conflicts = read(() -> robot.lookup("#consolidate-conflicts").queryTableView());
        waitFor(() -> conflicts.getItems().size() == 2);
        robot.interact(() -> conflicts.getItems().stream().filter(row -> row.session().equals("task#008")).findFirst().orElseThrow()
                .choiceProperty().set("Source 2"));
        press(robot, "#consolidate-next");
        waitFor(() -> text(robot, "#consolidate-summary-headline").startsWith("Runs with loss: 2 versions dropped"));
        press(robot, "#consolidate-run");

        waitFor(() -> text(robot, "#consolidate-summary-headline").startsWith("Verified"));
        try (SessionStore written = StoreFactory.open("sqlite:" + target, OpenMode.EXISTING)) {
            assertThat(written.count()).isEqualTo(218);
            assertThat(written.get("task#008").orElseThrow().branch()).contains("feature/task-008");
        }
        assertThat(dialogs.errors()).isEmpty();
    }

    /**
     * An audit's window could not merge into an existing store: it refused with "pass --mode" and had no mode to choose. New,
     * picked by the user on a target holding sessions, stays picked and is said not to run there, before the plan refuses it.
     */
    @Test
    void consolidateIntoAStoreThatHoldsSessionsOnceMergeIsChosen(FxRobot robot) {
        Path target = chooseTargetHoldingThreeSessions(robot);
        waitFor(() -> robot.lookup("#consolidate-mode-merge").queryAs(RadioButton.class).isSelected());
        press(robot, "#consolidate-mode-new");
        assertThat(read(() -> text(robot, "#consolidate-mode-refusal"))).startsWith("New cannot run here: it needs an absent or empty target, and this one"
                + " holds 3 sessions.");
        press(robot, "#consolidate-next");
        press(robot, "#consolidate-next");
        waitFor(() -> text(robot, "#consolidate-summary-headline").startsWith("Will not run"));
        assertThat(read(() -> text(robot, "#consolidate-summary-headline"))).contains("Existing target: Replace or Merge on the Target and policy page")
                .doesNotContain("--mode");

        press(robot, "#consolidate-back");
        press(robot, "#consolidate-back");
        mergeAndRun(robot);

        assertThat(StoreContents.records("sqlite:" + target)).hasSize(218 + 3);
        assertThat(dialogs.errors()).isEmpty();
    }

    /**
     * The audit: under Merge the Conflicts page said source 1's version would be kept of a session the target holds in a
     * newer version, and offered only the sources; the page now lists the target's version, keeps it by policy, and offers it.
     */
    @Test
    void underMergeTheConflictsPageShowsAndOffersTheTargetsOwnVersion(FxRobot robot) throws Exception {
        Path first = Files.writeString(run.resolve("a.json"), "[{\"session\":\"s1\",\"branch\":\"a\",\"lastActivityAt\":\"2025-03-01T00:00:00Z\"}]");
        Path second = Files.writeString(run.resolve("b.json"), "[{\"session\":\"s1\",\"branch\":\"b\",\"lastActivityAt\":\"2025-01-01T00:00:00Z\"}]");
        Path target = Files.writeString(run.resolve("tw.json"), "[{\"session\":\"s1\",\"branch\":\"tw\",\"lastActivityAt\":\"2026-01-01T00:00:00Z\"}]");
        toTargetAndPolicy(robot, target, first, second);
        assertThat(read(() -> robot.lookup("#consolidate-mode-merge").queryAs(RadioButton.class).getText()))
                .contains("settled by the conflict policy").doesNotContain("replacing");
        press(robot, "#consolidate-mode-merge");
        press(robot, "#consolidate-next");

        TableView<ConflictRow> conflicts = read(() -> robot.lookup("#consolidate-conflicts").queryTableView());
        waitFor(() -> conflicts.getItems().size() == 1);
        assertThat(read(() -> conflicts.getItems().get(0).sourcesText())).isEqualTo("1, 2, target");
        assertThat(read(() -> conflicts.getItems().get(0).byPolicy())).startsWith("Keeps the target's version (it is newer than every source's)");
        waitFor(() -> robot.lookup("#consolidate-conflicts .choice-box").tryQuery().isPresent());
        ChoiceBox<String> keep = read(() -> robot.lookup("#consolidate-conflicts .choice-box").queryAs(ChoiceBox.class));
        assertThat(read(() -> List.copyOf(keep.getItems()))).containsExactly(ConflictRow.BY_POLICY, "Source 1", "Source 2", ConflictRow.TARGET);
        robot.interact(() -> keep.setValue(ConflictRow.TARGET));
        press(robot, "#consolidate-next");
        waitFor(() -> text(robot, "#consolidate-summary-headline").startsWith("Runs with loss: 2 versions dropped"));
        press(robot, "#consolidate-run");

        waitFor(() -> text(robot, "#consolidate-summary-headline").startsWith("Verified"));
        assertThat(StoreContents.records("json:" + target)).singleElement().satisfies(record -> assertThat(record.branch()).contains("tw"));
        assertThat(dialogs.errors()).isEmpty();
    }

    /**
     * The audit: sources 1 and 2 held one version, source 3 another. The Conflicts page compared 1 with 2 ("0 fields differ"), the plan
     * said "nothing is lost", and the report cut each conflict's line before the fields it dropped. Now the page compares the kept
     * version with the one that differs, the plan names the loss, and every report line shows whole.
     */
    @Test
    void aConsolidationDroppingADifferingVersionShowsItComparesItAndReportsItsFieldsWhole(FxRobot robot) throws Exception {
        String same = "[{\"session\":\"task#002\",\"branch\":\"main\",\"repoUrl\":\"file:///Users/someone/Projects/minsky\"}]";
        Path first = Files.writeString(run.resolve("session-db.json"), same);
        Path second = Files.writeString(run.resolve("session-backup.json"), same);
        Path third = Files.writeString(run.resolve("sb.json"), "[{\"session\":\"task#002\",\"branch\":\"main\","
                + "\"repoUrl\":\"file:///Users/someone/Projects/minsky-elsewhere\",\"lastCommitMessage\":\"only here\","
                + "\"extra\":{\"aFieldWithARatherLongName\":1,\"anotherFieldWithARatherLongName\":2}}]");
        toTargetAndPolicy(robot, run.resolve("all.json"), first, second, third);
        press(robot, "#consolidate-next");
        TableView<ConflictRow> conflicts = read(() -> robot.lookup("#consolidate-conflicts").queryTableView());
        waitFor(() -> conflicts.getItems().size() == 1);
        robot.interact(() -> conflicts.getSelectionModel().select(0));

        waitFor(() -> text(robot, "#consolidate-compared").contains("fields differ"));
        assertThat(read(() -> text(robot, "#consolidate-compared"))).startsWith("task#002: on the left the version in source 1 (session-db.json),"
                + " on the right the one in source 3 (sb.json); 5 fields differ");

        press(robot, "#consolidate-next");
        waitFor(() -> !text(robot, "#consolidate-summary-headline").isEmpty());
        assertThat(read(() -> text(robot, "#consolidate-summary-headline"))).startsWith("Runs with loss: 1 version dropped: it differs from the kept version"
                + " of its session, in extra, lastCommitMessage, repoUrl").doesNotContain("nothing is lost");
        press(robot, "#consolidate-run");
        waitFor(() -> text(robot, "#consolidate-summary-headline").startsWith("Verified"));

        String conflictLine = "conflict on task#002 (sources 1, 2, 3): newest: a tie: no version has a date (lastActivityAt, pullRequest.updatedAt"
                + " or createdAt), broken by priority order (the first source wins): kept the version from source 1; fields that differ: extra,"
                + " lastCommitMessage, repoUrl";
        waitFor(() -> robot.lookup("#consolidate-summary-lines .list-cell").queryAllAs(ListCell.class).stream()
                .anyMatch(cell -> conflictLine.equals(cell.getItem())));
        ListCell<?> cell = read(() -> robot.lookup("#consolidate-summary-lines .list-cell").queryAllAs(ListCell.class)
                .stream().filter(each -> conflictLine.equals(each.getItem())).findFirst().orElseThrow());
        Text shown = read(() -> (Text) cell.getGraphic());
        assertThat(read(() -> shown.getText())).isEqualTo(BreakableText.shown(conflictLine));
        double oneLine = read(() -> new Text("x").getLayoutBounds().getHeight());
        double shownHeight = read(() -> shown.getLayoutBounds().getHeight());
        assertThat(shownHeight).as("the line wraps onto several").isGreaterThan(2 * oneLine);
        assertThat(read(() -> cell.getHeight())).as("the cell holds every wrapped line").isGreaterThanOrEqualTo(shownHeight);
        assertThat(dialogs.errors()).isEmpty();
    }

    /** A colleague's merge report pushed Back and Next below the window: the page scrolls, the buttons stay in view. */
    @Test
    void aLongReportAfterAMergeLeavesBackAndNextInTheWindow(FxRobot robot) {
        chooseTargetHoldingThreeSessions(robot);
        mergeAndRun(robot);
        WaitForAsyncUtils.waitForFxEvents();

        ScrollPane page = read(() -> robot.lookup("#consolidate-page").queryAs(ScrollPane.class));
        assertThat(read(() -> page.getContent().getLayoutBounds().getHeight())).as("the report is taller than the page's room")
                .isGreaterThan(read(() -> page.getViewportBounds().getHeight()));
        ListView<?> lines = read(() -> robot.lookup("#consolidate-summary-lines").queryListView());
        assertThat(read(() -> lines.getHeight())).as("the report's lines keep their room").isGreaterThanOrEqualTo(read(() -> lines.getPrefHeight()));
        for (String button : List.of("#consolidate-back", "#consolidate-next")) {
            Node node = read(() -> robot.lookup(button).query());
            Bounds inScene = read(() -> node.localToScene(node.getBoundsInLocal()));
            double sceneHeight = read(() -> node.getScene().getHeight());
            assertThat(inScene.getMinY()).as(button).isNotNegative();
            assertThat(inScene.getMaxY()).as(button + " bottom, within the window's %s", sceneHeight).isLessThanOrEqualTo(sceneHeight);
            assertThat(inScene.getMaxX()).as(button).isLessThanOrEqualTo(read(() -> node.getScene().getWidth()));
        }
    }

    /** Consolidates the two diff fixtures: on the Target and policy page, a target that holds three other sessions typed in. */
    private Path chooseTargetHoldingThreeSessions(FxRobot robot) {
        Path target = run.resolve("existing.db");
        StoreContents.create("sqlite:" + target, SampleSessions.minskyList(3, 1));
        toTargetAndPolicy(robot, target, DiffFixtures.storeA(run), DiffFixtures.storeB(run));
        return target;
    }

    /** Opens the consolidate wizard, adds the sources in order and types the target on the Target and policy page. */
    /**
     * A password written in the target's URL that PostgreSQL refused stayed in it (Migrate's wizard takes it out): Back showed
     * it as "****" to type over, and the Conflicts page said nothing of the failure.
     */
    @Test
    void aRefusedPasswordInTheTargetsUrlIsTakenOutAndAskedForOnNext(FxRobot robot) {
        TestPostgres postgres = TestPostgres.get();
        String schema = postgres.freshSchema().param("schema").orElseThrow();
        String server = postgres.host() + ":" + postgres.port() + "/" + postgres.database() + "?schema=" + schema;
        toConsolidationTarget(robot, "postgresql://" + TestPostgres.PASSWORD_USER + ":mistyped@" + server,
                DiffFixtures.storeA(run).toString(), DiffFixtures.storeB(run).toString());

        press(robot, "#consolidate-next");
        waitFor(() -> text(robot, "#consolidate-conflicts-status").startsWith("Cannot find the conflicts"));
        assertThat(read(() -> text(robot, "#consolidate-conflicts-status")))
                .contains("PostgreSQL refused the password written in its URL for user " + TestPostgres.PASSWORD_USER)
                .contains("it is taken out of the URL: go Back, then Next, and type the right one when asked").doesNotContain("mistyped");
        press(robot, "#consolidate-back");

        assertThat(read(() -> fieldText(robot, "#consolidate-target"))).isEqualTo("postgresql://" + TestPostgres.PASSWORD_USER + "@" + server);
        dialogs.answer(TestPostgres.PASSWORD);
        press(robot, "#consolidate-next");
        TableView<ConflictRow> conflicts = read(() -> robot.lookup("#consolidate-conflicts").queryTableView());
        waitFor(() -> conflicts.getItems().size() == 2);
        assertThat(dialogs.passwordPrompts()).hasSize(1);
    }

    /** The same for a source: a refused password written in its URL stayed in the list of sources. */
    @Test
    void aRefusedPasswordInASourcesUrlIsTakenOutOfTheList(FxRobot robot) {
        TestPostgres postgres = TestPostgres.get();
        String schema = postgres.freshSchema().param("schema").orElseThrow();
        String server = postgres.host() + ":" + postgres.port() + "/" + postgres.database() + "?schema=" + schema;
        toConsolidationTarget(robot, run.resolve("all.db").toString(), DiffFixtures.storeA(run).toString(),
                "postgresql://" + TestPostgres.PASSWORD_USER + ":mistyped@" + server);

        press(robot, "#consolidate-next");
        waitFor(() -> text(robot, "#consolidate-conflicts-status").startsWith("Cannot find the conflicts"));
        assertThat(read(() -> text(robot, "#consolidate-conflicts-status"))).contains("it is taken out of the URL").doesNotContain("mistyped");
        press(robot, "#consolidate-back");
        press(robot, "#consolidate-back");
        ListView<?> sources = read(() -> robot.lookup("#consolidate-sources").queryListView());

        assertThat(read(() -> sources.getItems().stream().map(Object::toString).toList()))
                .contains("postgresql://" + TestPostgres.PASSWORD_USER + "@" + server).noneMatch(source -> source.contains("mistyped"));
    }

    private static void toTargetAndPolicy(FxRobot robot, Path target, Path... sources) {
        toConsolidationTarget(robot, target.toString(), Stream.of(sources).map(Path::toString).toArray(String[]::new));
    }

    /** From the Target and policy page: Merge, the plan (the second source's versions of two conflicts dropped), Run, until the report says the target is verified. */
    private static void mergeAndRun(FxRobot robot) {
        press(robot, "#consolidate-mode-merge");
        press(robot, "#consolidate-next");
        press(robot, "#consolidate-next");
        waitFor(() -> text(robot, "#consolidate-summary-headline").startsWith("Runs with loss: 2 versions dropped"));
        press(robot, "#consolidate-run");
        waitFor(() -> text(robot, "#consolidate-summary-headline").startsWith("Verified"));
    }
}
