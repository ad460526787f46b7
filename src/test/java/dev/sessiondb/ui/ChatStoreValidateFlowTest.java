package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.SessionKind;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import java.nio.file.Path;
import java.util.ArrayList;
import dev.sessiondb.validation.Checks;
import java.util.List;
import java.util.stream.LongStream;
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

    /**
     * A store listed by its key shows chat sessions on its first page ("chat-..." before "task-md#..."); one of Minsky's comes
     * on a later page: every check is offered, as the page that says which kind the store holds is not the whole store.
     */
    @Test
    void aStoreWhoseFirstPageListsChatSessionsButHoldsMoreIsOfferedEveryCheck(FxRobot robot) {
        List<SessionRecord> sessions = new ArrayList<>(LongStream.range(0, 250).mapToObj(SampleSessions::chatRecord).toList());
        sessions.add(SampleSessions.minskyRecord(1, 1));
        Path mixed = StoreContents.create("sqlite:" + run.resolve("mixed.db"), sessions).path();
        WindowSteps.open(robot, dialogs, mixed, sessions.size());
        WindowSteps.openFromJobsMenu(robot, "Validate and repair a store…");
        FlowPane checks = read(() -> robot.lookup("#validate-checks").queryAs(FlowPane.class));

        waitFor(() -> !read(() -> offered(checks)).isEmpty());
        assertThat(read(() -> offered(checks))).isEqualTo(Checks.NAMES);
    }

    /**
     * A tour: a chat server's store, validated while Minsky's was open, found nothing, and the page still asked to open it
     * "to see a finding's session beside them", over a "Fixes to make" heading with no fix below it.
     */
    @Test
    void aCleanStoreOtherThanTheOpenOneIsSaidCleanWithoutAskingToOpenItOrHeadingFixes(FxRobot robot) {
        Path chat = TestStores.chatStore(run, LongStream.range(0, 5).mapToObj(SampleSessions::chatRecord).toList());
        WindowSteps.openFixtureCopy(robot, dialogs, TestStores.fixtureCopy(run));
        WindowSteps.openFromJobsMenu(robot, "Validate and repair a store…");
        WindowSteps.type(robot, "#validate-store", chat.toString());
        WindowSteps.press(robot, "#validate-next");

        waitFor(() -> robot.lookup("#validate-clean").query().isVisible());
        assertThat(read(() -> robot.lookup("#validate-another-store").query().isVisible())).isFalse();
        assertThat(read(() -> robot.lookup("#validate-fixes-title").query().isVisible())).isFalse();
        assertThat(read(() -> WindowSteps.detailShown(robot))).as("no session of the open store to show beside another store's result").isFalse();
    }

    /**
     * A tour: another store's findings were cut at the page's right edge, and the open store's detail pane stayed beside them,
     * squeezing the page; the detail folds away and each finding is shown whole, its lines wrapped.
     */
    @Test
    void anotherStoresFindingsHaveTheWindowsWidthAndAreShownWhole(FxRobot robot) {
        Path minsky = TestStores.fixtureCopy(run);
        WindowSteps.openChatStore(robot, dialogs, run, 5);
        WindowSteps.openFromJobsMenu(robot, "Validate and repair a store…");
        WindowSteps.type(robot, "#validate-store", minsky.toString());
        WindowSteps.press(robot, "#validate-next");

        waitFor(() -> robot.lookup("#validate-another-store").query().isVisible() && !WindowSteps.shownFindings(robot).isEmpty());
        assertThat(read(() -> WindowSteps.detailShown(robot))).as("no session of the open store to show beside another store's findings").isFalse();
        assertThat(read(() -> WindowSteps.shownFindings(robot).stream().filter(cell -> !WindowSteps.shownText(cell).equals(cell.getItem()))
                .map(WindowSteps::shownText).toList())).as("findings cut short").isEmpty();
    }

    private static List<String> offered(FlowPane checks) {
        return checks.getChildren().stream().map(Node::getId).map(id -> id.substring("check-".length())).toList();
    }
}
