package dev.sessiondb.ui;

import static dev.sessiondb.ui.AppState.read;
import static dev.sessiondb.ui.AppState.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A search for a word one message of a chat session said listed the session and said nothing of why: the user opened it and
 * read every message. The table now says where it was found, and the session opens on that message.
 */
class SearchFoundInFlowTest extends WindowOverFreshRun {

    private static final String ANSWER = "We are sorry: the refund of your yearly plan was sent to the card you paid with.";

    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void aSessionFoundByWhatAMessageSaidSaysWhereAndOpensOnThatMessage(FxRobot robot) {
        List<SessionRecord> sessions = List.of(SampleSessions.chatRecord(0), withAnswer(SampleSessions.chatRecord(1)), SampleSessions.chatRecord(2));
        WindowSteps.open(robot, dialogs, TestStores.chatStore(run, sessions), sessions.size());
        TableView<?> table = read(() -> robot.lookup("#sessions-table").queryAs(TableView.class));
        TableColumn<?, ?> foundIn = read(() -> table.getColumns().stream().filter(column -> "column-found-in".equals(column.getId())).findFirst().orElseThrow());
        assertThat(read(foundIn::isVisible)).as("no search, no Found in").isFalse();

        WindowSteps.search(robot, "REFUND");
        waitFor(() -> WindowSteps.text(robot, "#session-count").equals("1 of 3 sessions")
                && shownCell(table, foundIn, 0).map(TableCell::getText).filter(text -> !text.isEmpty()).isPresent());

        assertThat(read(() -> table.getColumns().indexOf(foundIn))).as("after Session").isEqualTo(1);
        TableCell<?, ?> cell = read(() -> shownCell(table, foundIn, 0).orElseThrow());
        assertThat(read(cell::getText)).isEqualTo("message 3 (assistant): …sorry: the refund of your yearly plan was…");
        robot.moveTo(cell); // every place shows in the tooltip, made when the pointer comes
        waitFor(() -> cell.getTooltip() != null);
        assertThat(read(() -> cell.getTooltip().getText())).isEqualTo(cell.getText());

        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        ListView<?> conversation = read(() -> robot.lookup("#detail-conversation").queryAs(ListView.class));
        TabPane tabs = read(() -> robot.lookup("#detail-tabs").queryAs(TabPane.class));
        waitFor(() -> WindowSteps.text(robot, "#detail-title").equals(sessions.get(1).key()) && conversation.getSelectionModel().getSelectedIndex() == 2);
        assertThat(read(() -> tabs.getSelectionModel().getSelectedItem().getId())).isEqualTo("detail-conversation-tab");

        WindowSteps.search(robot, "");
        waitFor(() -> WindowSteps.text(robot, "#session-count").equals("3 sessions"));
        assertThat(read(foundIn::isVisible)).as("hidden again with the search").isFalse();
    }

    /** The cell the table shows of a column and row, as the user sees it. */
    private static Optional<TableCell<?, ?>> shownCell(TableView<?> table, TableColumn<?, ?> column, int row) {
        return table.lookupAll(".table-cell").stream().filter(TableCell.class::isInstance).<TableCell<?, ?>>map(TableCell.class::cast)
                .filter(cell -> cell.getTableColumn() == column && cell.getIndex() == row && cell.isVisible()).findFirst();
    }

    /** The session's assistant (its third message) answers about a refund, which no other session says. */
    private static SessionRecord withAnswer(SessionRecord session) {
        ObjectNode fields = session.fields().deepCopy();
        ((ObjectNode) fields.get("messages").get(2)).put("content", ANSWER);
        return SessionRecord.of(fields);
    }
}
