package dev.sessiondb.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.ViewModelFixture;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A chat server's or magellai's store opened with Minsky's columns: task, repo, branch and status empty in every row, and
 * the fields its sessions have (tenant, user; name, model) nowhere. It now starts with its own sessions' columns, until the
 * user chooses others.
 */
class KindColumnsTest extends ViewModelFixture {


    @AfterEach
    void close() {
        current.close();
    }

    @Test
    void aChatServersStoreStartsWithItsTenantAndUserInPlaceOfMinskysFields() {
        SessionsViewModel sessions = sessionsOf(chatStore());

        // nor Last activity: a chat server keeps no such time of a session, so the column was empty in every row
        assertThat(sessions.hiddenColumns()).containsExactlyInAnyOrder("task", "repo", "branch", "status", "last_activity");
        assertThat(sessions.addedColumns()).containsExactly(new FieldColumn("tenantId"), new FieldColumn("userId"));
        SessionRecord first = sessions.rowsProperty().get().get(0).record();
        assertThat(new FieldColumn("tenantId").text(first)).isEqualTo("tenant-0");
    }

    @Test
    void aMagellaiStoreStartsWithItsSessionsNamesAndModels() {
        StoreLocator magellai = StoreContents.create("jsondir:" + directory.resolve("magellai"),
                LongStream.range(0, 4).mapToObj(SampleSessions::magellaiRecord).toList());

        SessionsViewModel sessions = sessionsOf(magellai);

        assertThat(sessions.hiddenColumns()).containsExactlyInAnyOrder("task", "repo", "branch", "status");
        assertThat(sessions.addedColumns()).containsExactly(new FieldColumn("name"), new FieldColumn("conversation.model"));
    }

    @Test
    void aMinskyStoreAndAStoreOfMixedKindsKeepEveryStandardColumn() {
        List<SessionRecord> mixed = List.of(SampleSessions.minskyRecord(1, 1), SampleSessions.chatRecord(2));

        SessionsViewModel minsky = sessionsOf(StoreContents.create("json:" + directory.resolve("minsky.json"), SampleSessions.minskyList(3, 1)));
        assertThat(minsky.hiddenColumns()).isEmpty();
        assertThat(minsky.addedColumns()).isEmpty();

        SessionsViewModel both = sessionsOf(StoreContents.create("json:" + directory.resolve("mixed.json"), mixed));
        assertThat(both.hiddenColumns()).isEmpty();
        assertThat(both.addedColumns()).isEmpty();
    }

    @Test
    void theUsersOwnChoiceOfColumnsWinsWhenTheStoreIsOpenedAgain() {
        StoreLocator chat = chatStore();
        SessionsViewModel sessions = sessionsOf(chat);
        sessions.showColumn(SessionColumn.STATUS, true);
        sessions.removeColumn(new FieldColumn("userId"));
        current.close();

        SessionsViewModel reopened = sessionsOf(chat);

        assertThat(reopened.hiddenColumns()).containsExactlyInAnyOrder("task", "repo", "branch", "last_activity");
        assertThat(reopened.addedColumns()).containsExactly(new FieldColumn("tenantId"));
    }

    private StoreLocator chatStore() {
        return StoreContents.create("sqlite:" + directory.resolve("chat.db") + "?layout=chat",
                LongStream.range(0, 5).mapToObj(SampleSessions::chatRecord).toList());
    }

    private SessionsViewModel sessionsOf(StoreLocator store) {
        SessionsViewModel sessions = new SessionsViewModel(current, executor, dialogs, new ColumnChoices(directory.resolve("columns.json")), journal());
        current.show(StoreFactory.open(store, OpenMode.EXISTING));
        return sessions;
    }
}
