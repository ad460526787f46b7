package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.job.StoreContents;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The edit form of a magellai session named its nested fields cut short ("conversation.settings.te…") or squeezed their fields:
 * at the window's default size the longest name is shown whole and its field takes the width left.
 */
class MagellaiEditFormFlowTest extends WindowOverFreshRun {

    static final String LONGEST = "conversation.settings.temperature";
    /** Room for a number or a short name: a field narrower than this reads one character at a time. */
    private static final double FIELD_MIN_WIDTH = 120;

    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void theLongestNestedNameIsShownWholeBesideAFieldOfTheWidthLeft(FxRobot robot) {
        openEditForm(robot, dialogs, run);
        assertLongestNameWholeAndItsFieldWide(robot);
    }

    /** The longest name reads whole in the detail pane, and its field is wide enough to read and reaches the pane's right side. */
    static void assertLongestNameWholeAndItsFieldWide(FxRobot robot) {
        Label label = read(() -> formLabel(robot, LONGEST));
        Node pane = read(() -> robot.lookup("#detail-view").query());
        assertThat(read(() -> WindowSteps.shownWhole(label, pane))).as("%s whole: %s of %s px", LONGEST,
                read(label::getWidth), read(() -> label.prefWidth(-1))).isTrue();
        assertFieldWide(robot, pane);
    }

    /** The field of the longest name is wide enough to read, and reaches the pane's right side. */
    static void assertFieldWide(FxRobot robot, Node pane) {
        TextField field = read(() -> (TextField) formField(robot, LONGEST));
        assertThat(read(field::getWidth)).as("its field not squeezed").isGreaterThanOrEqualTo(FIELD_MIN_WIDTH);
        double paneRight = read(() -> pane.localToScene(pane.getLayoutBounds()).getMaxX());
        assertThat(read(() -> field.localToScene(field.getLayoutBounds()).getMaxX())).as("the field takes the width left")
                .isGreaterThan(paneRight - 40);
    }

    /** Opens a JSON store of two magellai sessions, the first's conversation keeping nested settings, and that one's edit form. */
    static void openEditForm(FxRobot robot, ScriptedDialogService dialogs, Path run) {
        SessionRecord session = withNestedSettings(SampleSessions.magellaiRecord(0));
        Path store = StoreContents.create("json:" + run.resolve("magellai.json"), List.of(session, SampleSessions.magellaiRecord(1))).path();
        WindowSteps.open(robot, dialogs, store, 2);
        robot.interact(() -> robot.lookup("#sessions-table").queryAs(TableView.class).getSelectionModel().select(0));
        waitFor(() -> WindowSteps.text(robot, "#detail-title").equals(session.key()));
        WindowSteps.press(robot, "#edit-session");
        waitFor(() -> formField(robot, LONGEST).isVisible() && formLabel(robot, LONGEST).getWidth() > 0);
    }

    /** The form's field of a nested name: its id holds dots, which a CSS selector would take for style classes. */
    static Node formField(FxRobot robot, String name) {
        return robot.lookup((Node node) -> ("edit-" + name).equals(node.getId())).query();
    }

    static Label formLabel(FxRobot robot, String name) {
        Node field = formField(robot, name);
        return robot.lookup("#detail-view .label").queryAllAs(Label.class).stream().filter(label -> label.getLabelFor() == field).findFirst().orElseThrow();
    }

    private static SessionRecord withNestedSettings(SessionRecord session) {
        ObjectNode fields = session.fields().deepCopy();
        ((ObjectNode) fields.get("conversation")).putObject("settings").put("temperature", 0.7).put("top_p", 0.9);
        return SessionRecord.of(fields);
    }
}
