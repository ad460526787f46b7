package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;

import dev.sessiondb.model.SessionKind;
import dev.sessiondb.validation.Checks;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Validate page of a chat server's store, which holds none of Minsky's task ids, repositories, workspaces and pull requests. */
class ChatStoreValidateFlowTest extends WindowOverFreshRun {

    @Start
    void start(Stage stage) {
        show(stage);
    }

    /**
     * Validate offered and ran task-id-form, repo-name-variant, workspace-*, pr-state-mismatch... for the open chat store,
     * checks that can find nothing there; it offers those that apply, and every check again for a store not open.
     */
    @Test
    void theOpenChatStoreIsOfferedOnlyTheChecksThatApplyToItsSessions(FxRobot robot) {
        WindowSteps.openChatStore(robot, dialogs, run, 5);
        WindowSteps.openFromJobsMenu(robot, "Validate and repair a store…");
        FlowPane checks = read(() -> robot.lookup("#validate-checks").queryAs(FlowPane.class));

        waitFor(() -> offered(checks).equals(Checks.applyingTo(SessionKind.CHAT)));
        WindowSteps.type(robot, "#validate-store", run.resolve("another.json").toString());
        waitFor(() -> offered(checks).equals(Checks.NAMES));
    }

    private static List<String> offered(FlowPane checks) {
        return checks.getChildren().stream().map(Node::getId).map(id -> id.substring("check-".length())).toList();
    }
}
