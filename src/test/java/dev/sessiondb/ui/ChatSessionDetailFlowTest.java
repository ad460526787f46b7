package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** A chat server's session in the detail pane, as a support admin reads it (a round that looked at the window with such stores). */
class ChatSessionDetailFlowTest extends WindowOverFreshRun {

    private static final String COMPLAINT = "I was charged twice for my subscription this month and the refund you promised last week "
            + "never arrived. ".repeat(4) + "Please escalate.";

    @Start
    void start(Stage stage) {
        show(stage);
    }

    /** A long message read "I was charged twice for my ..." on one line, cut there, however wide the pane; it wraps, whole. */
    @Test
    void aLongMessageIsShownWholeInTheConversation(FxRobot robot) {
        openChatSession(robot, 1);
        robot.interact(() -> robot.lookup("#detail-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        ListView<?> conversation = read(() -> robot.lookup("#detail-conversation").queryAs(ListView.class));
        waitFor(() -> conversation.isVisible() && !conversation.lookupAll(".text").isEmpty());

        waitFor(() -> shownText(conversation).contains("Please escalate."));
        assertThat(read(() -> shownText(conversation))).doesNotContain("…", "...");
    }

    /** Opens a chat store of three sessions, the one at {@code row} with {@link #COMPLAINT} as its user's message, and selects that row. */
    private void openChatSession(FxRobot robot, int row) {
        List<SessionRecord> sessions = List.of(SampleSessions.chatRecord(0), withUserMessage(SampleSessions.chatRecord(1), COMPLAINT),
                SampleSessions.chatRecord(2));
        WindowSteps.open(robot, dialogs, TestStores.chatStore(run, sessions), sessions.size());
        robot.interact(() -> {
            TableView<?> table = robot.lookup("#sessions-table").queryAs(TableView.class);
            table.requestFocus();
            table.getSelectionModel().select(row);
        });
        waitFor(() -> WindowSteps.text(robot, "#detail-title").equals(sessions.get(row).key()));
    }

    private static SessionRecord withUserMessage(SessionRecord session, String content) {
        ObjectNode fields = session.fields().deepCopy();
        ((ObjectNode) fields.get("messages").get(1)).put("content", content);
        return SessionRecord.of(fields);
    }

    /** What the conversation's text nodes show on screen, a cut line with its ellipsis. */
    private static String shownText(ListView<?> conversation) {
        return String.join("\n", conversation.lookupAll(".text").stream().filter(Text.class::isInstance).map(node -> ((Text) node).getText()).toList());
    }
}
