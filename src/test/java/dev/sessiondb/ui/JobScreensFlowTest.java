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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The job screens end to end on copies of the real fixture, driven like a user would (headless under Monocle); consolidation's in ConsolidateScreensFlowTest. */
class JobScreensFlowTest extends WindowOverFreshRun {

    @Start
    void start(Stage stage) {
        show(stage, new BackupJournal(run.resolve("journal")));
    }

    @Test
    void migrateTheFixtureToSqliteThroughTheWizardAndSeeTheVerifiedReport(FxRobot robot) {
        Path fixture = TestStores.fixtureCopy(run);
        Path target = run.resolve("sessions.db");
        openFromJobsMenu(robot, "Migrate a store into another format or layout…");

        type(robot, "#migrate-source", fixture.toString());
        type(robot, "#migrate-target", target.toString());
        migrateWithThePlan(robot);
        assertThat(read(() -> text(robot, "#migrate-report-headline"))).isEqualTo("Verified: 217 of 217 sessions match in the target");
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
        assertThat(read(() -> robot.lookup("#diff-records .diff-part").queryAllAs(Text.class).stream()
                .map(Text::getText).toList())).containsExactly("x", "y");
        // the row asked its cells' height at no width, and stood a thousand pixels tall with its field's name far below
        Region shown = read(() -> (Region) robot.lookup("#diff-records .diff-where").query().getParent());
        Region cell = read(() -> (Region) shown.getParent());
        assertThat(read(() -> cell.getHeight())).as("the row is as tall as what its cell shows")
                .isLessThanOrEqualTo(read(() -> cell.snappedTopInset() + shown.prefHeight(shown.getWidth()) + cell.snappedBottomInset() + 1));
        Bounds table = read(() -> robot.lookup("#diff-records").query().localToScene(robot.lookup("#diff-records").query().getLayoutBounds()));
        assertThat(read(() -> cell.localToScene(cell.getLayoutBounds()).getMaxY())).as("the whole row shows without scrolling")
                .isLessThanOrEqualTo(table.getMaxY());

        robot.clickOn(read(() -> robot.lookup("#diff-records .diff-open-whole").queryAs(Hyperlink.class)));
        waitFor(() -> robot.lookup("#whole-value-text").tryQuery().isPresent());
        TextArea whole = read(() -> robot.lookup("#whole-value-text").queryAs(TextArea.class));
        assertThat(read(() -> whole.isEditable())).isFalse();
        assertThat(read(() -> whole.getText())).doesNotContain(token).contains(half + "x" + half);
        assertThat(read(() -> whole.getSelectedText())).isEqualTo("x");
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void aLongValueEditedInSeveralPlacesListsEachPlace(FxRobot robot) throws Exception {
        String token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
        String lines = "line of the message, with some words\\n".repeat(30);
        Path a = Files.writeString(run.resolve("edits-a.json"), "[{\"session\":\"task#011\",\"taskId\":\"#011\",\"notes\":\"" + token + " start\\n" + lines + "end\"}]");
        Path b = Files.writeString(run.resolve("edits-b.json"), "[{\"session\":\"task#011\",\"taskId\":\"#011\",\"notes\":\"" + token + " begin\\n"
                + lines + "an added line\\nend\"}]");
        compareInTheWindow(robot, a, b, "1");
        waitFor(() -> diffRow(robot, "task#011") != null);
        robot.clickOn(read(() -> diffRow(robot, "task#011")));

        waitFor(() -> robot.lookup("#diff-records .diff-open-places").tryQuery().isPresent());
        assertThat(read(() -> robot.lookup("#diff-records .diff-where").queryAs(Label.class).getText()))
                .isEqualTo("Differs in 2 places, the first at character 10 of 1,128 -> 1,142");
        robot.clickOn(read(() -> robot.lookup("#diff-records .diff-open-places").queryAs(Hyperlink.class)));

        waitFor(() -> robot.lookup("#places-list").tryQuery().isPresent());
        assertThat(read(() -> robot.lookup("#places-heading").queryAs(Label.class).getText())).isEqualTo("notes: 2 places differ, of 1,128 -> 1,142 characters");
        waitFor(() -> robot.lookup("#places-list .diff-added").queryAllAs(Text.class).size() == 2);
        assertThat(read(() -> robot.lookup("#places-list .diff-removed").queryAllAs(Text.class).stream()
                .map(Text::getText).toList())).as("an insertion removes nothing").containsExactly("start");
        assertThat(read(() -> robot.lookup("#places-list .diff-added").queryAllAs(Text.class).stream()
                .map(Text::getText).toList())).containsExactlyInAnyOrder("begin", "an added line\n");
        assertThat(read(() -> robot.lookup("#places-list .diff-context").queryAllAs(Text.class).stream()
                .map(Text::getText).toList())).as("the token before the first place is masked").noneMatch(text -> text.contains("abcdef"));
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void aFailedComparisonOfTwoSessionsClearsTheOneBefore(FxRobot robot) {
        Path a = DiffFixtures.storeA(run);
        Path b = DiffFixtures.storeB(run);
        compareInTheWindow(robot, a, b, "2");

        robot.interact(() -> {
            robot.lookup("#diff-session-a").queryAs(TextField.class).setText("#008");
            robot.lookup("#diff-session-b").queryAs(TextField.class).setText("no-such-task");
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
        waitFor(() -> WindowSteps.findingShownWhole(robot, finding));
        press(robot, "#fix-repo-name-variant");
        press(robot, "#fix-task-id-missing");
        press(robot, "#validate-next");
        waitFor(() -> robot.lookup("#validate-changes").queryTableView().getItems().size() == 5);
        press(robot, "#validate-next");
        press(robot, "#validate-run");

        waitFor(() -> text(robot, "#validate-result-headline").startsWith("Repaired"));
        assertThat(read(() -> text(robot, "#validate-result-headline"))).isEqualTo("Repaired: 5 sessions updated, 0 added");
        assertThat(Files.readAllBytes(fixture)).isNotEqualTo(original);

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);

        waitFor(() -> Arrays.equals(Files.readAllBytes(fixture), original));
        assertThat(dialogs.errors()).isEmpty();
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
