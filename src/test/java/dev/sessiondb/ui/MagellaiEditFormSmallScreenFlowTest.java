package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** {@link MagellaiEditFormFlowTest}'s form on a laptop's small screen ({@link SmallScreenFlowTest}'s), its detail pane narrower still. */
class MagellaiEditFormSmallScreenFlowTest extends WindowOverFreshRun {

    @Start
    void start(Stage stage) {
        TestWindows.showOnScreen(stage, run, dialogs, SmallScreenFlowTest.USABLE);
    }

    @Test
    void theLongestNestedNameWrapsWholeOverAFieldOfThePanesWidth(FxRobot robot) {
        MagellaiEditFormFlowTest.openEditForm(robot, dialogs, run);
        Label label = read(() -> MagellaiEditFormFlowTest.formLabel(robot, MagellaiEditFormFlowTest.LONGEST));
        Node pane = read(() -> robot.lookup("#detail-view").query());
        Text shown = read(() -> (Text) label.lookup(".text"));

        // wider than the pane, the name wraps after a dot of its path: every character shown, none cut to "…"
        assertThat(read(shown::getText)).isEqualTo(read(label::getText)).doesNotContain("…");
        assertThat(read(shown::getText).replace("\n", "")).isEqualTo(MagellaiEditFormFlowTest.LONGEST);
        assertThat(read(() -> label.localToScene(label.getLayoutBounds()).getMaxX()))
                .isLessThanOrEqualTo(read(() -> pane.localToScene(pane.getLayoutBounds()).getMaxX()));
        MagellaiEditFormFlowTest.assertFieldWide(robot, pane);
    }
}
