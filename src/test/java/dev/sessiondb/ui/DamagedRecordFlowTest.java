package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.progress.ProgressMonitor;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.WriteBatch;
import dev.sessiondb.ui.sessions.SessionColumn;
import dev.sessiondb.ui.sessions.SessionRow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The window over a SQLite store with one damaged record: the table shows it marked, and selecting it shows what to do in place of its fields. */
class DamagedRecordFlowTest extends WindowOverFreshRun {

    private static final int SESSIONS = 30;
    private static final int DAMAGED_ROW = 3;

    private static Path store;

    @BeforeAll
    static void makeStore() throws SQLException {
        store = directory.resolve("recovered.db");
        try (SessionStore sessions = StoreFactory.open(StoreLocator.of(StoreFormat.SQLITE, store), OpenMode.CREATE_IF_MISSING)) {
            sessions.write(WriteBatch.replaceAll(SampleSessions.minsky(SESSIONS, 3), SESSIONS), ProgressMonitor.NONE);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + store); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE sessions SET record = substr(record, 1, 40) WHERE session_key = '" + key(DAMAGED_ROW) + "'");
        }
    }

    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void theDamagedRowIsMarkedAndSelectingItShowsTheFixInsteadOfFields(FxRobot robot) {
        dialogs.answer(store);
        robot.push(KeyCode.CONTROL, KeyCode.O);
        waitFor(() -> robot.lookup("#session-count").queryAs(Label.class).getText().equals("30 sessions"));

        assertThat(read(() -> table(robot).getItems().get(DAMAGED_ROW).text(SessionColumn.SESSION))).isEqualTo(key(DAMAGED_ROW));
        assertThat(read(() -> table(robot).getItems().get(DAMAGED_ROW).text(SessionColumn.STATUS))).isEqualTo(SessionRow.DAMAGED);

        robot.interact(() -> table(robot).getSelectionModel().select(DAMAGED_ROW));
        Label damage = read(() -> robot.lookup("#detail-damage").queryAs(Label.class));
        waitFor(() -> damage.isVisible() && damage.getText().contains("DELETE FROM sessions WHERE session_key = '" + key(DAMAGED_ROW) + "'"));
        assertThat(read(() -> robot.lookup("#detail-title").queryAs(Label.class).getText())).isEqualTo(key(DAMAGED_ROW));
        assertThat(read(() -> robot.lookup("#detail-tabs").queryAs(Node.class).isVisible())).as("no fields to show").isFalse();
        assertThat(read(() -> robot.lookup("#edit-session").queryAs(Node.class).isDisabled())).isTrue();

        robot.interact(() -> table(robot).getSelectionModel().select(DAMAGED_ROW + 1));
        waitFor(() -> !damage.isVisible() && robot.lookup("#detail-title").queryAs(Label.class).getText().equals(key(DAMAGED_ROW + 1)));
        assertThat(read(() -> robot.lookup("#detail-tabs").queryAs(Node.class).isVisible())).isTrue();
        assertThat(dialogs.errors()).isEmpty();
    }

    /**
     * A walk: the fixes ticked for the store's other findings, Next planned nothing (the repair refuses a damaged store), and once
     * the error was closed the empty preview said to tick at least one fix. The page now says why there is nothing to preview.
     */
    @Test
    void aPreviewThatCannotBePlannedSaysWhyOnItsPage(FxRobot robot) {
        dialogs.answer(store);
        robot.push(KeyCode.CONTROL, KeyCode.O);
        waitFor(() -> robot.lookup("#session-count").queryAs(Label.class).getText().equals("30 sessions"));
        WindowSteps.openFromJobsMenu(robot, "Validate and repair a store…");
        WindowSteps.press(robot, "#validate-next");
        waitFor(() -> robot.lookup("#validate-fixes .check-box").tryQuery().isPresent());

        WindowSteps.press(robot, "#validate-next");

        waitFor(() -> WindowSteps.text(robot, "#validate-preview-status").startsWith("Nothing to preview: "));
        assertThat(read(() -> WindowSteps.text(robot, "#validate-preview-status"))).contains("DELETE FROM sessions WHERE session_key = '" + key(DAMAGED_ROW) + "'");
        assertThat(read(() -> ((Label) robot.lookup("#validate-changes").queryAs(TableView.class).getPlaceholder()).getText())).doesNotContain("tick");
        assertThat(dialogs.errors()).singleElement().asString().startsWith("Could not finish: ");
        assertThat(read(() -> robot.lookup("#validate-next").queryAs(Node.class).isDisabled())).as("nothing to apply").isTrue();
    }

    private static String key(long index) {
        return SampleSessions.minskyRecord(index, 3).key();
    }

    @SuppressWarnings("unchecked")
    private static TableView<SessionRow> table(FxRobot robot) {
        return robot.lookup("#sessions-table").queryAs(TableView.class);
    }
}
