package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessiondb.model.JsonCodec;
import dev.sessiondb.model.RecordHash;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreException;
import dev.sessiondb.store.StoreFactory;
import dev.sessiondb.store.StoreLocator;
import dev.sessiondb.store.ValueChange;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Minsky's PostgreSQL table (its own DDL) types its columns; 2026-era fields go into them and come back as they were. */
class PostgresMinskyColumnsTest {

    private static SessionRecord modernSession(String key, String lastActivity) {
        ObjectNode fields = JsonCodec.MAPPER.createObjectNode()
                .put("session", key).put("repoName", "github.com/edobry/minsky").put("repoUrl", "https://github.com/edobry/minsky.git")
                .put("createdAt", "2026-02-01T10:00:00.000Z").put("taskId", "mt#283").put("status", "PR_OPEN")
                .put("lastActivityAt", lastActivity).put("commitCount", 12).put("prApproved", true)
                .put("projectId", "0b8f6f2e-3c1d-4a57-9d2e-6f1f4b0c9a11").put("shortId", "ws#" + key);
        fields.putObject("interfaceBinding").put("kind", "cli").put("pid", 4242);
        return SessionRecord.of(fields);
    }

    @Test
    void modernFieldsLandInTypedColumnsAndComeBackUnchanged() throws SQLException {
        StoreLocator locator = MinskySchemas.postgres(false);
        SessionRecord record = modernSession("a1", "2026-02-02T08:30:00.250Z");
        try (SessionStore store = StoreFactory.open(locator, OpenMode.EXISTING)) {
            assertThat(store.unsupportedFields(record)).isEmpty();
            store.put(record);
            assertThat(store.get("a1").orElseThrow().fields()).isEqualTo(record.fields());
        }
        try (Connection connection = TestPostgres.get().adminConnection();
             ResultSet row = connection.createStatement().executeQuery("SELECT pr_approved, commit_count, pg_typeof(created_at)::text,"
                     + " project_id::text, interface_binding FROM " + locator.param("schema").orElseThrow() + ".sessions")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("true");
            assertThat(row.getInt(2)).isEqualTo(12);
            assertThat(row.getString(3)).isEqualTo("timestamp with time zone");
            assertThat(row.getString(4)).isEqualTo("0b8f6f2e-3c1d-4a57-9d2e-6f1f4b0c9a11");
            assertThat(row.getString(5)).isEqualTo("{\"kind\":\"cli\",\"pid\":4242}");
        }
    }

    @Test
    void lastActivityAtIsTextAsInMinskysSchemaAndKeepsAnyFormWhileCommitCountMustBeAnInteger() {
        try (SessionStore store = StoreFactory.open(MinskySchemas.postgres(false), OpenMode.EXISTING)) {
            store.put(modernSession("late", "2026-03-01T00:00:00.000Z"));
            store.put(modernSession("early", "2026-02-01T00:00:00.000Z"));
            store.put(modernSession("none", "2026-01-01T00:00:00.000Z").without("lastActivityAt"));

            assertThat(store.page(SessionQuery.all().sortedBy(SortKey.LAST_ACTIVITY_AT, true)).records())
                    .extracting(SessionRecord::key).containsExactly("late", "early", "none");
            assertThat(store.unsupportedFields(modernSession("x", "2025-06-17 23:32:23.528+00"))).isEmpty();
            assertThat(store.unsupportedFields(modernSession("x", "2026-03-01T00:00:00.000Z").with("commitCount", "twelve")))
                    .containsExactly("commitCount");
        }
    }

    @Test
    void anUpperCaseUuidIsKeptLowerCaseAndItsForeignKeyIsCheckedAsTheColumnHoldsIt() {
        String upper = MinskySchemas.PROJECT_ID.toUpperCase(Locale.ROOT);
        SessionRecord record = modernSession("u1", "2026-03-01T00:00:00.000Z").with("projectId", upper);
        try (SessionStore store = StoreFactory.open(MinskySchemas.postgres(false), OpenMode.EXISTING)) {
            assertThat(store.unsupportedFields(record)).isEmpty();
            assertThat(store.valueChanges(record)).containsExactly(Map.entry("projectId", ValueChange.KEPT_LOWER_CASE));
            assertThat(store.refusals(record)).isEmpty();
            assertThat(store.refusals(record.with("projectId", "AAAAAAAA-3C1D-4A57-9D2E-6F1F4B0C9A11")))
                    .containsExactly("projectId 'aaaaaaaa-3c1d-4a57-9d2e-6f1f4b0c9a11' is not in projects (foreign key project_id -> projects.id)");

            store.put(record);

            assertThat(store.get("u1").orElseThrow().field("projectId").orElseThrow().asText()).isEqualTo(MinskySchemas.PROJECT_ID);
            assertThat(store.hashAsStored(record)).isEqualTo(RecordHash.of(store.get("u1").orElseThrow().fields()));
        }
    }

    @Test
    void aRecordMissingAColumnMinskyRequiresIsRefusedByName() {
        try (SessionStore store = StoreFactory.open(MinskySchemas.postgres(false), OpenMode.EXISTING)) {
            SessionRecord withoutUrl = modernSession("b2", "2026-03-01T00:00:00.000Z").without("repoUrl");

            assertThatThrownBy(() -> store.put(withoutUrl))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("session 'b2' has no repoUrl, which Minsky's column repo_url requires");
            assertThat(store.count()).isZero();
        }
    }
}
