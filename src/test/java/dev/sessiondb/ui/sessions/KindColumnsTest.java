package dev.sessiondb.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessiondb.job.StoreContents;
import dev.sessiondb.model.FieldFilter;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.model.ValueCount;
import dev.sessiondb.sample.SampleSessions;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.ui.ViewModelFixture;
import java.util.List;
import java.util.Optional;
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
        // headed by name, as the standard columns are, not by the raw path "conversation.model"
        assertThat(sessions.addedColumns().stream().map(FieldColumn::header)).containsExactly("Name", "Model");
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

    /** A chat admin could neither sort by tenant (the header did not sort) nor filter by it (the Filter menu did not offer it). */
    @Test
    void aChatServersTenantColumnSortsBothWaysAndFiltersFromItsPickList() {
        SessionsViewModel sessions = sessionsOf(chatStore());
        QueryColumn tenant = new FieldColumn("tenantId").queried().orElseThrow();

        sessions.sortBy(tenant.sortKey(), false);
        assertThat(tenants(sessions)).containsExactly("tenant-0", "tenant-0", "tenant-1", "tenant-1", "tenant-2");
        sessions.sortBy(tenant.sortKey(), true);
        assertThat(tenants(sessions)).containsExactly("tenant-2", "tenant-1", "tenant-1", "tenant-0", "tenant-0");

        assertThat(sessions.filterableColumns()).contains(tenant, new FieldColumn("userId").queried().orElseThrow());
        sessions.showPickList(tenant);
        assertThat(sessions.pickList()).containsExactlyInAnyOrder(new ValueCount("tenant-0", 2), new ValueCount("tenant-1", 2), new ValueCount("tenant-2", 1));
        sessions.pick(new ValueCount("tenant-1", 2));

        assertThat(sessions.filters()).containsExactly(new FieldFilter(SortKey.TENANT_ID, "tenant-1"));
        assertThat(QueryColumn.chipText(sessions.filters().get(0))).isEqualTo("Tenant = tenant-1");
        assertThat(sessions.countProperty().get()).isEqualTo("2 of 5 sessions");
        assertThat(tenants(sessions)).containsOnly("tenant-1");
    }

    /** The sessions without a user are counted and picked as "(empty)", as a standard column's are. */
    @Test
    void aChatServersUserPickListOffersTheSessionsWithoutAUser() {
        SessionsViewModel sessions = sessionsOf(chatStore());
        QueryColumn user = new FieldColumn("userId").queried().orElseThrow();

        sessions.showPickList(user);
        assertThat(sessions.pickList()).contains(ValueCount.withoutValue(2));
        assertThat(user.pickText(ValueCount.withoutValue(2))).isEqualTo("(empty)  (2)");
        sessions.pick(ValueCount.withoutValue(2));

        assertThat(sessions.countProperty().get()).isEqualTo("2 of 5 sessions");
    }

    /** A right click on a tenantId cell offered no "Show only"; now an added column the store filters by has it, empty cells too. */
    @Test
    void aChatServersTenantAndUserCellsFilterByTheirValueOrByTheirHavingNone() {
        SessionsViewModel sessions = sessionsOf(chatStore());
        SessionRow withoutUser = sessions.rowsProperty().get().stream()
                .filter(row -> row.record().key().equals("chat-000001")).findFirst().orElseThrow();

        sessions.filterBy(new FieldColumn("tenantId").queried().orElseThrow(), withoutUser);
        assertThat(sessions.countProperty().get()).isEqualTo("2 of 5 sessions");
        sessions.filterBy(new FieldColumn("userId").queried().orElseThrow(), withoutUser);

        assertThat(sessions.filters()).containsExactly(new FieldFilter(SortKey.TENANT_ID, "tenant-1"),
                new FieldFilter(SortKey.USER_ID, Optional.empty()));
        assertThat(sessions.countProperty().get()).isEqualTo("1 of 5 sessions");
        assertThat(QueryColumn.chipText(sessions.filters().get(1))).isEqualTo("User = (empty)");
    }

    /** Removing the tenantId column the rows were sorted by left them in its order, with no arrow and nothing under Sort by. */
    @Test
    void removingTheColumnTheRowsAreSortedByGoesBackToTheStoresOrderAndKeepsItsFilter() {
        SessionsViewModel sessions = sessionsOf(chatStore());
        sessions.sortBy(SortKey.TENANT_ID, true);
        assertThat(tenants(sessions)).startsWith("tenant-2");

        sessions.removeColumn(new FieldColumn("tenantId"));

        assertThat(sessions.sortedBy()).isEmpty();
        assertThat(sessions.rowsProperty().get().stream().map(row -> row.record().key()).toList())
                .containsExactly("chat-000000", "chat-000001", "chat-000002", "chat-000003", "chat-000004");

        sessions.filters().add(new FieldFilter(SortKey.USER_ID, Optional.empty()));
        sessions.removeColumn(new FieldColumn("userId"));
        assertThat(sessions.filters()).as("a hidden standard column keeps its filter too; its chip removes it")
                .containsExactly(new FieldFilter(SortKey.USER_ID, Optional.empty()));
        assertThat(sessions.countProperty().get()).isEqualTo("2 of 5 sessions");
    }

    private static List<String> tenants(SessionsViewModel sessions) {
        return sessions.rowsProperty().get().stream().map(row -> new FieldColumn("tenantId").text(row.record())).toList();
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
