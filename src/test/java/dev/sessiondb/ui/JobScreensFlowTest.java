package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.click;
import static dev.sessiondb.ui.WindowSteps.openFromJobsMenu;
import static dev.sessiondb.ui.WindowSteps.press;
import static dev.sessiondb.ui.WindowSteps.text;
import static dev.sessiondb.ui.WindowSteps.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.sql.TestPostgres;
import dev.sessiondb.ui.diff.DiffFixtures;
import dev.sessiondb.ui.diff.DiffRow;
import dev.sessiondb.ui.diff.FieldRow;
import dev.sessiondb.ui.wizard.consolidate.ConflictRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The job screens end to end on copies of the real fixture, driven like a user would (headless under Monocle). */
@ExtendWith(ApplicationExtension.class)
class JobScreensFlowTest {

    @TempDir
    static Path directory;

    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private Path run;

    @Start
    void start(Stage stage) throws Exception {
        run = Files.createTempDirectory(directory, "run");
        TestWindows.show(stage, run, dialogs, new BackupJournal(run.resolve("journal")));
    }

    @Test
    void migrateTheFixtureToSqliteThroughTheWizardAndSeeTheVerifiedReport(FxRobot robot) {
        Path fixture = TestStores.fixtureCopy(run);
        Path target = run.resolve("sessions.db");
        openFromJobsMenu(robot, "Migrate a store into another format or layout…");

        type(robot, "#migrate-source", fixture.toString());
        type(robot, "#migrate-target", target.toString());
        migrateWithThePlan(robot);
        assertThat(read(() -> text(robot, "#migrate-report-headline"))).isEqualTo("Verified: 217 of 217 records match in the target");
        try (SessionStore written = StoreFactory.open("sqlite:" + target, OpenMode.EXISTING)) {
            assertThat(written.count()).isEqualTo(Fixtures.MINSKY_COUNT);
        }
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void aLongValueShowsWhereItDiffersAndOpensWhole(FxRobot robot) throws Exception {
        String token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
        String half = "x".repeat(150_000);
        Path a = Files.writeString(run.resolve("long-a.json"), "[{\"session\":\"task#011\",\"taskId\":\"#011\",\"notes\":\"" + token + " " + half + "x" + half + "\"}]");
        Path b = Files.writeString(run.resolve("long-b.json"), "[{\"session\":\"task#011\",\"taskId\":\"#011\",\"notes\":\"" + token + " " + half + "y" + half + "\"}]");
        compareInTheWindow(robot, a, b, "1");
        waitFor(() -> diffRow(robot, "task#011") != null);
        robot.clickOn(read(() -> diffRow(robot, "task#011")));

        waitFor(() -> robot.lookup("#diff-records .diff-where").tryQuery().isPresent());
        assertThat(read(() -> robot.lookup("#diff-records .diff-where").queryAllAs(Label.class).stream().map(Label::getText).toList()))
                .as("each side says where, in the view without scrolling")
                .allSatisfy(where -> assertThat(where).matches("Differs at character 150,[0-9]{3} of 300,[0-9]{3}"))
                .hasSize(2);
        assertThat(read(() -> robot.lookup("#diff-records .diff-part").queryAllAs(javafx.scene.text.Text.class).stream()
                .map(javafx.scene.text.Text::getText).toList())).containsExactly("x", "y");
        // the row asked its cells' height at no width, and stood a thousand pixels tall with its field's name far below
        javafx.scene.layout.Region shown = read(() -> (javafx.scene.layout.Region) robot.lookup("#diff-records .diff-where").query().getParent());
        javafx.scene.layout.Region cell = read(() -> (javafx.scene.layout.Region) shown.getParent());
        assertThat(read(() -> cell.getHeight())).as("the row is as tall as what its cell shows")
                .isLessThanOrEqualTo(read(() -> cell.snappedTopInset() + shown.prefHeight(shown.getWidth()) + cell.snappedBottomInset() + 1));
        Bounds table = read(() -> robot.lookup("#diff-records").query().localToScene(robot.lookup("#diff-records").query().getLayoutBounds()));
        assertThat(read(() -> cell.localToScene(cell.getLayoutBounds()).getMaxY())).as("the whole row shows without scrolling")
                .isLessThanOrEqualTo(table.getMaxY());

        robot.clickOn(read(() -> robot.lookup("#diff-records .diff-open-whole").queryAs(javafx.scene.control.Hyperlink.class)));
        waitFor(() -> robot.lookup("#whole-value-text").tryQuery().isPresent());
        javafx.scene.control.TextArea whole = read(() -> robot.lookup("#whole-value-text").queryAs(javafx.scene.control.TextArea.class));
        assertThat(read(() -> whole.isEditable())).isFalse();
        assertThat(read(() -> whole.getText())).doesNotContain(token).contains(half + "x" + half);
        assertThat(read(() -> whole.getSelectedText())).isEqualTo("x");
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void aFailedComparisonOfTwoSessionsClearsTheOneBefore(FxRobot robot) {
        Path a = DiffFixtures.storeA(run);
        Path b = DiffFixtures.storeB(run);
        compareInTheWindow(robot, a, b, "2");

        robot.interact(() -> {
            robot.lookup("#diff-session-a").queryAs(javafx.scene.control.TextField.class).setText("#008");
            robot.lookup("#diff-session-b").queryAs(javafx.scene.control.TextField.class).setText("no-such-task");
        });
        press(robot, "#diff-compare");

        waitFor(() -> text(robot, "#diff-status").equals("Cannot compare."));
        assertThat(read(() -> List.copyOf(robot.lookup("#diff-table").queryTableView().getItems()))).isEmpty();
        assertThat(dialogs.errors()).singleElement().asString().contains("no session 'no-such-task'");
    }

    @Test
    void diffTwoStoresAndOpenAChangedRecord(FxRobot robot) {
        Path a = DiffFixtures.storeA(run);
        Path b = DiffFixtures.storeB(run);
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);

        type(robot, "#diff-store-a", a.toString());
        type(robot, "#diff-store-b", b.toString());
        press(robot, "#diff-compare");
        waitFor(() -> text(robot, "#diff-changed").equals("2"));
        assertThat(read(() -> List.of(text(robot, "#diff-only-a"), text(robot, "#diff-only-b"), text(robot, "#diff-identical")))).containsExactly("1", "1", "214");

        waitFor(() -> diffRow(robot, "task#002") != null);
        robot.clickOn(read(() -> diffRow(robot, "task#002")));

        waitFor(() -> text(robot, "#diff-record-title").startsWith("task#002"));
        TableView<FieldRow> records = read(() -> robot.lookup("#diff-records").queryTableView());
        robot.interact(() -> records.scrollTo(records.getItems().stream().filter(row -> row.path().equals("pullRequest.state")).findFirst().orElseThrow()));
        waitFor(() -> rowOf(robot, "pullRequest.state") != null);
        TableRow<?> state = read(() -> rowOf(robot, "pullRequest.state"));
        assertThat(read(() -> Set.copyOf(state.getPseudoClassStates()))).contains(PseudoClass.getPseudoClass("diff-changed"));
        assertThat(read(() -> ((FieldRow) state.getItem()).a())).isEqualTo("open");
        assertThat(read(() -> ((FieldRow) state.getItem()).b())).isEqualTo("merged");
    }

    @Test
    void validateApplyAFixThenUndoIt(FxRobot robot) throws Exception {
        Path fixture = TestStores.fixtureCopy(run);
        byte[] original = Files.readAllBytes(fixture);
        openFromJobsMenu(robot, "Validate and repair a store…");

        type(robot, "#validate-store", fixture.toString());
        press(robot, "#validate-next");
        TreeView<String> findings = read(() -> robot.lookup("#validate-findings").queryAs(TreeView.class));
        waitFor(() -> findings.getRoot().getChildren().size() == 5 && robot.lookup("#fix-repo-name-variant").tryQuery().isPresent());
        TreeItem<String> finding = read(() -> findings.getRoot().getChildren().stream().filter(TreeItem::isExpanded).findFirst().orElseThrow()
                .getChildren().get(0));
        robot.interact(() -> findings.getSelectionModel().select(finding));
        waitFor(() -> text(robot, "#validate-finding-text").equals(finding.getValue()));
        press(robot, "#fix-repo-name-variant");
        press(robot, "#fix-task-id-missing");
        press(robot, "#validate-next");
        waitFor(() -> robot.lookup("#validate-changes").queryTableView().getItems().size() == 5);
        press(robot, "#validate-next");
        press(robot, "#validate-run");

        waitFor(() -> text(robot, "#validate-result-headline").startsWith("Repaired"));
        assertThat(read(() -> text(robot, "#validate-result-headline"))).isEqualTo("Repaired: 5 records updated, 0 added");
        assertThat(Files.readAllBytes(fixture)).isNotEqualTo(original);

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);

        waitFor(() -> Arrays.equals(Files.readAllBytes(fixture), original));
        assertThat(dialogs.errors()).isEmpty();
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

    /** An audit's window could not merge into an existing store: it refused with "pass --mode" and had no mode to choose. */
    @Test
    void consolidateIntoAStoreThatHoldsSessionsOnceMergeIsChosen(FxRobot robot) {
        Path target = chooseTargetHoldingThreeSessions(robot);
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
        ConflictRow s1 = read(() -> conflicts.getItems().get(0));
        assertThat(s1.sourcesText()).isEqualTo("1, 2, target");
        assertThat(s1.byPolicy()).startsWith("Keeps the target's version (it is newer than every source's)");
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
        waitFor(() -> robot.lookup("#consolidate-summary-lines .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .anyMatch(cell -> conflictLine.equals(cell.getItem())));
        javafx.scene.control.ListCell<?> cell = read(() -> robot.lookup("#consolidate-summary-lines .list-cell").queryAllAs(javafx.scene.control.ListCell.class)
                .stream().filter(each -> conflictLine.equals(each.getItem())).findFirst().orElseThrow());
        javafx.scene.text.Text shown = read(() -> (javafx.scene.text.Text) cell.getGraphic());
        assertThat(read(() -> shown.getText())).isEqualTo(conflictLine);
        double oneLine = new javafx.scene.text.Text("x").getLayoutBounds().getHeight();
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

    /**
     * An audit's mistyped password stuck for the session: every plan after it failed the same way and nothing asked again;
     * now the prompt tries it, says it was refused and asks again, and the plan goes on with the right one.
     */
    @Test
    void aMistypedPostgresPasswordIsAskedForAgainAndThePlanGoesOn(FxRobot robot) {
        TestPostgres postgres = TestPostgres.get();
        String target = "postgresql://" + TestPostgres.PASSWORD_USER + "@" + postgres.host() + ":" + postgres.port() + "/" + postgres.database()
                + "?schema=" + postgres.freshSchema().param("schema").orElseThrow();
        dialogs.answer("mistyped").answer(TestPostgres.PASSWORD);
        openFromJobsMenu(robot, "Migrate a store into another format or layout…");
        type(robot, "#migrate-source", TestStores.fixtureCopy(run).toString());
        type(robot, "#migrate-target", target);
        press(robot, "#migrate-next");
        press(robot, "#migrate-next");

        waitFor(() -> text(robot, "#migrate-plan-headline").startsWith("Ready to run"));
        assertThat(dialogs.passwordPrompts()).hasSize(2).last().asString().startsWith("PostgreSQL refused that password for user " + TestPostgres.PASSWORD_USER);
    }

    /**
     * An audit was stuck: the job screens took the open store's masked password ("****") from their store field for
     * the password, so every plan was refused and nothing asked. The field has no password; the run uses the typed one.
     */
    @Test
    void jobsStartedFromAnOpenPostgresStoreUseThePasswordTypedToOpenIt(FxRobot robot) {
        TestPostgres postgres = TestPostgres.get();
        String account = TestPostgres.PASSWORD_USER + "@" + postgres.host() + ":" + postgres.port() + "/" + postgres.database();
        String schema = postgres.freshSchema().param("schema").orElseThrow();
        StoreContents.create("postgresql://" + account.replace("@", ":" + TestPostgres.PASSWORD + "@") + "?schema=" + schema,
                SampleSessions.minskyList(3, 1));
        String store = "postgresql://" + account + "?schema=" + schema;
        dialogs.answer(store).answer(TestPostgres.PASSWORD);
        click(robot, "#add-store");
        click(robot, "Paste a path or URL…");
        waitFor(() -> robot.lookup("#open-store").queryAs(Label.class).getText().equals("Open: " + postgres.database() + "." + schema));

        openFromJobsMenu(robot, "Migrate a store into another format or layout…");
        waitFor(() -> store.equals(robot.lookup("#migrate-source").queryAs(ComboBox.class).getEditor().getText()));
        type(robot, "#migrate-target", run.resolve("from-postgres.db").toString());
        migrateWithThePlan(robot);

        openFromJobsMenu(robot, "Validate and repair a store…");
        waitFor(() -> store.equals(robot.lookup("#validate-store").queryAs(ComboBox.class).getEditor().getText()));
        press(robot, "#validate-next");
        waitFor(() -> text(robot, "#validate-status").contains("findings"));
        openFromJobsMenu(robot, "Consolidate several stores into one…");
        waitFor(() -> robot.lookup("#consolidate-sources").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(read(() -> List.copyOf(robot.lookup("#consolidate-sources").queryListView().getItems()))).containsExactly(store);
        assertThat(dialogs.errors()).isEmpty();
    }

    /** An audit's migration refused as its target changed after the plan, and Run stayed on to fail the same way. */
    @Test
    void aRunRefusedOverAnOutdatedPlanOffersPlanAgainInsteadOfRun(FxRobot robot) {
        Path target = run.resolve("written-meanwhile.db");
        openFromJobsMenu(robot, "Migrate a store into another format or layout…");
        type(robot, "#migrate-source", TestStores.fixtureCopy(run).toString());
        type(robot, "#migrate-target", target.toString());
        press(robot, "#migrate-next");
        press(robot, "#migrate-mode-merge");
        press(robot, "#migrate-next");
        waitFor(() -> text(robot, "#migrate-plan-headline").startsWith("Ready to run"));
        StoreContents.create("sqlite:" + target, SampleSessions.minskyList(3, 1)); // another program, after the plan
        press(robot, "#migrate-next");
        press(robot, "#migrate-run");

        waitFor(() -> robot.lookup("#migrate-plan-again").query().isVisible());
        assertThat(read(() -> robot.lookup("#migrate-run").query().isDisabled())).as("Run would fail the same way").isTrue();
        assertThat(read(() -> text(robot, "#migrate-run-status"))).contains("Press Plan again");
        press(robot, "#migrate-plan-again");
        waitFor(() -> text(robot, "#migrate-plan-headline").startsWith("Ready to run"));
        press(robot, "#migrate-next");
        press(robot, "#migrate-run");
        waitFor(() -> text(robot, "#migrate-report-headline").startsWith("Verified"));
        assertThat(StoreContents.records("sqlite:" + target)).hasSize(Fixtures.MINSKY_COUNT + 3);
    }

    /** Consolidates the two diff fixtures: on the Target and policy page, a target that holds three other sessions typed in. */
    private Path chooseTargetHoldingThreeSessions(FxRobot robot) {
        Path target = run.resolve("existing.db");
        StoreContents.create("sqlite:" + target, SampleSessions.minskyList(3, 1));
        toTargetAndPolicy(robot, target, DiffFixtures.storeA(run), DiffFixtures.storeB(run));
        return target;
    }

    /** Opens the consolidate wizard, adds the sources in order and types the target on the Target and policy page. */
    private static void toTargetAndPolicy(FxRobot robot, Path target, Path... sources) {
        openFromJobsMenu(robot, "Consolidate several stores into one…");
        for (Path source : sources) {
            type(robot, "#consolidate-new-source", source.toString());
            press(robot, "#consolidate-add");
        }
        press(robot, "#consolidate-next");
        type(robot, "#consolidate-target", target.toString());
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

    /** From the migration's Stores page: Options, the plan, Run, until the report says the target is verified. */
    private static void migrateWithThePlan(FxRobot robot) {
        press(robot, "#migrate-next");
        press(robot, "#migrate-next");
        waitFor(() -> text(robot, "#migrate-plan-headline").startsWith("Ready to run"));
        press(robot, "#migrate-next");
        press(robot, "#migrate-run");
        waitFor(() -> text(robot, "#migrate-report-headline").startsWith("Verified"));
    }

    /** Opens the diff view on two stores, compares them and waits for the count of changed sessions. */
    private static void compareInTheWindow(FxRobot robot, Path a, Path b, String changed) {
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        type(robot, "#diff-store-a", a.toString());
        type(robot, "#diff-store-b", b.toString());
        press(robot, "#diff-compare");
        waitFor(() -> text(robot, "#diff-changed").equals(changed));
    }

    private static TableRow<?> diffRow(FxRobot robot, String session) {
        return robot.lookup("#diff-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.getItem() instanceof DiffRow difference && difference.session().equals(session)).findFirst().orElse(null);
    }

    private static TableRow<?> rowOf(FxRobot robot, String path) {
        return robot.lookup("#diff-records .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.getItem() instanceof FieldRow field && field.path().equals(path)).findFirst().orElse(null);
    }
}
