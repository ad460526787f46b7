package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.askForMigrationPlan;
import static dev.sessiondb.ui.WindowSteps.fieldText;
import static dev.sessiondb.ui.WindowSteps.openFromJobsMenu;
import static dev.sessiondb.ui.WindowSteps.press;
import static dev.sessiondb.ui.WindowSteps.runMigration;
import static dev.sessiondb.ui.WindowSteps.showsEveryLine;
import static dev.sessiondb.ui.WindowSteps.text;
import static dev.sessiondb.ui.WindowSteps.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.Fixtures;
import dev.sessiondb.store.sql.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Migrate wizard walked by someone who does not use the command line: what each page tells after the usual mistakes. */
class MigrateWalkthroughFlowTest extends WindowOverFreshRun {

    @Start
    void start(Stage stage) {
        show(stage);
    }

    /**
     * A password written in the target's URL that PostgreSQL refused was told "go Back, correct the password in the URL", and
     * Back showed the URL with the password as "****": to correct it the user had to type over the mask.
     */
    @Test
    void aRefusedPasswordInTheTargetsUrlIsTakenOutAndAskedForOnNext(FxRobot robot) {
        TestPostgres postgres = TestPostgres.get();
        String schema = postgres.freshSchema().param("schema").orElseThrow();
        String server = postgres.host() + ":" + postgres.port() + "/" + postgres.database() + "?schema=" + schema;

        askForMigrationPlan(robot, TestStores.fixtureCopy(run).toString(), "postgresql://" + TestPostgres.PASSWORD_USER + ":mistyped@" + server);
        waitFor(() -> text(robot, "#migrate-plan-headline").startsWith("Cannot plan"));
        assertThat(read(() -> text(robot, "#migrate-plan-headline")))
                .contains("PostgreSQL refused the password written in its URL for user " + TestPostgres.PASSWORD_USER)
                .contains("it is taken out of the URL: go Back, then Next, and type the right one when asked").doesNotContain("mistyped");
        press(robot, "#migrate-back");
        press(robot, "#migrate-back");

        assertThat(read(() -> fieldText(robot, "#migrate-target"))).isEqualTo("postgresql://" + TestPostgres.PASSWORD_USER + "@" + server);
        dialogs.answer(TestPostgres.PASSWORD);
        press(robot, "#migrate-next");
        press(robot, "#migrate-next");
        waitFor(() -> text(robot, "#migrate-plan-headline").startsWith("Ready to run"));
        assertThat(dialogs.passwordPrompts()).hasSize(1);
    }

    /** A target named under a file (a typo in its folder) was planned "Ready to run: nothing is lost", and only the run failed. */
    @Test
    void aTargetUnderAFileIsRefusedByThePlanNotByTheRun(FxRobot robot) throws IOException {
        Path notAFolder = Files.writeString(run.resolve("notes.txt"), "not a folder");

        askForMigrationPlan(robot, TestStores.fixtureCopy(run).toString(), notAFolder.resolve("sessions.db").toString());
        waitFor(() -> text(robot, "#migrate-plan-headline").startsWith("Will not run"));

        assertThat(read(() -> text(robot, "#migrate-plan-headline"))).isEqualTo("Will not run: sqlite:" + notAFolder.resolve("sessions.db") + ": "
                + notAFolder + " is a file, not a folder, so the store cannot be written under it; choose a target in a folder");
    }

    /** The report said where its report file was saved, but where the sessions now are only by the target's file name. */
    @Test
    void aFinishedMigrationSaysWhereTheSessionsAreNow(FxRobot robot) {
        Path target = run.resolve("copies").resolve("sessions.db");

        runMigration(robot, TestStores.fixtureCopy(run).toString(), target.toString());

        assertThat(read(() -> text(robot, "#migrate-run-status"))).startsWith("Done: the sessions are now in sqlite:" + target + ".");
    }

    /** The report said "Undo removes it (backup <id>)": which Undo, and where the backup is, was left to find. */
    @Test
    void aFinishedMigrationSaysWhereItsUndoAndItsBackupAre(FxRobot robot) {
        Path target = run.resolve("sessions.db");

        runMigration(robot, TestStores.fixtureCopy(run).toString(), target.toString());

        assertThat(read(() -> robot.lookup("#migrate-report-lines").queryListView().getItems())).anySatisfy(line -> assertThat(line.toString())
                .startsWith("The target did not exist: to remove it: the toolbar's Undo (Ctrl+Z) while it names this job,"
                        + " or History's \"Undo selected job\" at any time (backup " + run.resolve("backups").resolve("backups")));
        // the line wraps to three or four with its backup's whole path: a list sized for two lines a line cut it
        waitFor(() -> read(() -> showsEveryLine(robot, "#migrate-report-lines")));
    }

    /** The Options page preselected New for a target holding 217 sessions: that was learnt only from the plan's refusal. */
    @Test
    void aTargetHoldingSessionsIsToldUnderItAndMergeIsPreselected(FxRobot robot) throws IOException {
        Path target = TestStores.fixtureCopy(Files.createDirectories(run.resolve("existing")));

        openFromJobsMenu(robot, "#jobs-menu-migrate");
        type(robot, "#migrate-source", TestStores.fixtureCopy(run).toString());
        type(robot, "#migrate-target", target.toString());
        waitFor(() -> !text(robot, "#migrate-target-look").isEmpty() && !text(robot, "#migrate-target-look").startsWith("Looking"));
        assertThat(read(() -> text(robot, "#migrate-target-look"))).isEqualTo("Exists and holds " + Fixtures.MINSKY_COUNT + " sessions of Minsky");
        press(robot, "#migrate-next");

        assertThat(read(() -> ((RadioButton) robot.lookup("#migrate-mode-merge").query()).isSelected())).isTrue();
        assertThat(read(() -> text(robot, "#migrate-options-target-look"))).isEqualTo("Exists and holds " + Fixtures.MINSKY_COUNT + " sessions of Minsky");
        press(robot, "#migrate-mode-new");
        assertThat(read(() -> text(robot, "#migrate-mode-refusal"))).startsWith("New cannot run here: it needs an absent or empty target, and this one holds " + Fixtures.MINSKY_COUNT + " sessions.");
        assertThat(read(() -> ((RadioButton) robot.lookup("#migrate-mode-new").query()).isSelected())).as("the user's pick stays").isTrue();

        // the arrow keys select the next mode without an action: that pick is the user's as much
        robot.interact(() -> {
            RadioButton merge = robot.lookup("#migrate-mode-merge").query();
            merge.getToggleGroup().selectToggle(merge);
        });
        waitFor(() -> text(robot, "#migrate-mode-refusal").isEmpty());
    }

    /** A target in a folder not made yet said nothing of it before the plan. */
    @Test
    void aTargetNotThereYetSaysAFileAndItsFolderWillBeMade(FxRobot robot) {
        Path target = run.resolve("copies").resolve("sessions.db");

        openFromJobsMenu(robot, "#jobs-menu-migrate");
        type(robot, "#migrate-target", target.toString());
        waitFor(() -> !text(robot, "#migrate-target-look").isEmpty() && !text(robot, "#migrate-target-look").startsWith("Looking"));

        assertThat(read(() -> text(robot, "#migrate-target-look"))).isEqualTo("Not there yet: a new store will be made, and its folder " + run.resolve("copies"));
    }

    /**
     * Back after a finished run planned again into the target the run made: "the target already holds exactly the source's records;
     * running writes nothing and only verifies" under "New: the target must be absent or empty". The plan says it is done, in
     * its headline and calmly: as an amber warning it read as something wrong.
     */
    @Test
    void backAfterAFinishedMigrationSaysItIsAlreadyDoneCalmly(FxRobot robot) {
        Path target = run.resolve("copies").resolve("sessions.db");
        runMigration(robot, TestStores.fixtureCopy(run).toString(), target.toString());

        press(robot, "#migrate-back");
        waitFor(() -> text(robot, "#migrate-plan-headline").contains("already done"));

        Label headline = read(() -> robot.lookup("#migrate-plan-headline").queryAs(Label.class));
        assertThat(read(headline::getText)).isEqualTo("This migration is already done: the target holds exactly the source's records, so it is not"
                + " refused as not empty; Run writes nothing and only verifies them");
        assertThat(read(() -> List.copyOf(headline.getStyleClass()))).contains("accent").doesNotContain("warning", "danger");
        assertThat(read(() -> List.copyOf(robot.lookup("#migrate-plan-lines").queryListView().getItems()))).isEmpty();
    }
}
