package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static dev.sessiondb.ui.WindowSteps.openFromJobsMenu;
import static dev.sessiondb.ui.WindowSteps.press;
import static dev.sessiondb.ui.WindowSteps.text;
import static dev.sessiondb.ui.WindowSteps.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.job.backup.BackupJournal;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.sql.TestPostgres;
import dev.sessiondb.ui.diff.DiffFixtures;
import dev.sessiondb.ui.wizard.WhereUndoIs;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The Migrate and Consolidate wizards' plan and result pages say first which stores the job reads and writes, each with its
 * format, how it treats the target and where the target is backed up: the pages showed counts alone, naming no store.
 */
class JobStatementFlowTest extends WindowOverFreshRun {

    private BackupJournal journal;

    @Start
    void start(Stage stage) {
        journal = new BackupJournal(run.resolve("journal"));
        show(stage, journal);
    }

    @Test
    void aMigrationsPlanAndRunPagesNameTheSourceTheTargetAndTheModeAndNoPassword(FxRobot robot) {
        TestPostgres postgres = TestPostgres.get();
        String schema = postgres.freshSchema().param("schema").orElseThrow();
        String account = TestPostgres.PASSWORD_USER + "@" + postgres.host() + ":" + postgres.port() + "/" + postgres.database() + "?schema=" + schema;
        StoreContents.create("postgresql://" + account.replace("@", ":" + TestPostgres.PASSWORD + "@"), SampleSessions.minskyList(3, 1));
        String target = "postgresql://" + account;
        dialogs.answer(TestPostgres.PASSWORD);
        openFromJobsMenu(robot, "#jobs-menu-migrate");
        type(robot, "#migrate-source", TestStores.fixtureCopy(run).toString());
        type(robot, "#migrate-target", target);
        press(robot, "#migrate-next");
        press(robot, "#migrate-mode-replace");
        press(robot, "#migrate-next");
        waitFor(() -> text(robot, "#migrate-plan-headline").startsWith("Ready to run"));

        String stores = "Copies session-db.json (json) into " + postgres.database() + "." + schema + " (postgresql)";
        assertThat(read(() -> text(robot, "#migrate-plan-job-stores"))).isEqualTo(stores);
        assertThat(read(() -> text(robot, "#migrate-plan-job-mode"))).isEqualTo("Replace: the target ends up holding only the sessions of the source (backed up first)");
        assertThat(read(() -> text(robot, "#migrate-plan-job-backup"))).isEqualTo(postgres.database() + "." + schema + "'s 3 sessions are backed up first, into "
                + journal.backupsDir() + "; to put them back: " + WhereUndoIs.PHRASE);
        String inFull = read(() -> robot.lookup("#migrate-plan-job-stores").queryAs(Label.class).getTooltip().getText());
        assertThat(inFull).startsWith("Source: json:" + run).contains("\nTarget: postgresql://" + TestPostgres.PASSWORD_USER)
                .contains(postgres.database() + "?schema=" + schema).doesNotContain(TestPostgres.PASSWORD);
        press(robot, "#migrate-next");
        waitFor(() -> text(robot, "#migrate-run-job-stores").equals(stores));
    }

    @Test
    void aConsolidationsPlanAndReportNameTheSourcesInPriorityOrderTheTargetAndTheMode(FxRobot robot) {
        Path target = run.resolve("existing.db");
        StoreContents.create("sqlite:" + target, SampleSessions.minskyList(3, 1));
        openFromJobsMenu(robot, "Consolidate several stores into one…");
        for (Path source : new Path[] {DiffFixtures.storeB(run), DiffFixtures.storeA(run)}) {
            type(robot, "#consolidate-new-source", source.toString());
            press(robot, "#consolidate-add");
        }
        press(robot, "#consolidate-next");
        type(robot, "#consolidate-target", target.toString());
        press(robot, "#consolidate-mode-merge");
        press(robot, "#consolidate-next");
        press(robot, "#consolidate-next");
        waitFor(() -> text(robot, "#consolidate-summary-headline").startsWith("Runs with loss"));

        String stores = "Consolidates, in priority order, b/session-db.json (json) then a/session-db.json (json) into existing.db (sqlite)";
        assertThat(read(() -> text(robot, "#consolidate-job-stores"))).isEqualTo(stores);
        assertThat(read(() -> text(robot, "#consolidate-job-mode"))).startsWith("Merge: add the sessions of the sources, a session the target holds too is settled");
        assertThat(read(() -> text(robot, "#consolidate-job-backup"))).isEqualTo("existing.db's 3 sessions are backed up first, into " + journal.backupsDir()
                + "; to put them back: " + WhereUndoIs.PHRASE);
        assertThat(read(() -> robot.lookup("#consolidate-job-stores").queryAs(Label.class).getTooltip().getText()))
                .isEqualTo("Sources in priority order: json:" + run.resolve("b/session-db.json") + ", json:" + run.resolve("a/session-db.json")
                        + "\nTarget: sqlite:" + target);
        press(robot, "#consolidate-run");
        waitFor(() -> text(robot, "#consolidate-summary-headline").startsWith("Verified"));
        assertThat(read(() -> text(robot, "#consolidate-job-stores"))).isEqualTo(stores);
    }
}
