package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.Timestamp;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.ui.common.ShownTime;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
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
        ListView<?> conversation = openConversation(robot);

        waitFor(() -> shownText(conversation).contains("Please escalate."));
        assertThat(read(() -> shownText(conversation))).doesNotContain("…", "...");
    }

    /** A message's time read "2025-01-06T09:09:00Z" beside the table's "2025-01-06 09:09"; it reads as the table's, in UTC. */
    @Test
    void messageTimesReadAsTheTablesDo(FxRobot robot) {
        ListView<?> conversation = openConversation(robot);
        waitFor(() -> shownText(conversation).contains("Please escalate."));

        Timestamp firstMessage = SampleSessions.chatRecord(2).messages().get(0).timestamp();
        assertThat(read(() -> shownText(conversation))).contains(ShownTime.of(firstMessage)).doesNotContain(firstMessage.text()).doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:");
    }

    /**
     * Every field of a chat session but createdAt read "(unknown)" (id, tenantId, userId, traits, messages: the chat server's
     * own), squeezing their names to "tenantId  (unkno…"; a field the chat server does not keep is still marked.
     */
    @Test
    void theChatServersOwnFieldsAreNotMarkedUnknown(FxRobot robot) {
        openChatSession(robot);
        TreeTableView<?> fields = read(() -> robot.lookup("#detail-fields").queryAs(TreeTableView.class));
        waitFor(() -> fieldNames(fields).contains("messages"));

        assertThat(read(() -> fieldNames(fields))).contains("id", "tenantId", "userId", "traits", "createdAt", "messages", "escalation  (unknown)")
                .noneMatch(name -> name.contains("unknown") && !name.startsWith("escalation"));
    }

    /** The selected chat session's Conversation tab, once its messages show. */
    private ListView<?> openConversation(FxRobot robot) {
        openChatSession(robot);
        robot.interact(() -> robot.lookup("#detail-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        ListView<?> conversation = read(() -> robot.lookup("#detail-conversation").queryAs(ListView.class));
        waitFor(() -> conversation.isVisible() && !conversation.lookupAll(".text").isEmpty());
        return conversation;
    }

    /** Opens a chat store of three sessions, the last with {@link #COMPLAINT} as its user's message, and selects it. */
    private void openChatSession(FxRobot robot) {
        List<SessionRecord> sessions = List.of(SampleSessions.chatRecord(0), SampleSessions.chatRecord(1),
                withUserMessage(SampleSessions.chatRecord(2), COMPLAINT));
        WindowSteps.open(robot, dialogs, TestStores.chatStore(run, sessions), sessions.size());
        robot.interact(() -> {
            TableView<?> table = robot.lookup("#sessions-table").queryAs(TableView.class);
            table.requestFocus();
            table.getSelectionModel().select(2);
        });
        waitFor(() -> WindowSteps.text(robot, "#detail-title").equals(sessions.get(2).key()));
    }

    private static SessionRecord withUserMessage(SessionRecord session, String content) {
        ObjectNode fields = session.fields().deepCopy();
        ((ObjectNode) fields.get("messages").get(1)).put("content", content);
        fields.put("escalation", "billing"); // a field of the support team's own, unknown to the chat server
        return SessionRecord.of(fields);
    }

    /** The Field column's text of each row of the tree, scrolled to or not. */
    private static List<String> fieldNames(TreeTableView<?> fields) {
        return IntStream.range(0, fields.getExpandedItemCount()).mapToObj(row -> String.valueOf(fields.getColumns().get(0).getCellData(row))).toList();
    }

    /** What the conversation's text nodes show on screen, a cut line with its ellipsis. */
    private static String shownText(ListView<?> conversation) {
        return String.join("\n", conversation.lookupAll(".text").stream().filter(Text.class::isInstance).map(node -> ((Text) node).getText()).toList());
    }
}
