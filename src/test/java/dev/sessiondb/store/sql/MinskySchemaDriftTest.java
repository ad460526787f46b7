package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sessiondb.model.SessionQuery;
import dev.sessiondb.model.SessionRecord;
import dev.sessiondb.model.SortKey;
import dev.sessiondb.store.OpenMode;
import dev.sessiondb.store.SessionStore;
import dev.sessiondb.store.StoreFactory;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Minsky tables that lost or never had a column (real defect: no prState) still open, and say what they cannot keep. */
class MinskySchemaDriftTest {

    @TempDir
    Path tempDir;

    @Test
    void aMinskySqliteTableWithoutPrStateOpensAndReportsPrStateAsUnsupported() throws SQLException {
        Path file = ForeignSqliteFiles.minsky(tempDir.resolve("sessions.db"), false);

        try (SessionStore store = StoreFactory.open("sqlite:" + file, OpenMode.EXISTING)) {
            assertThat(store.count()).isEqualTo(2);
            assertThat(store.info().notes()).anySatisfy(note -> assertThat(note).contains("prState"));
            SessionRecord withPrState = store.get("task#079").orElseThrow()
                    .with("prState", JsonNodeFactory.instance.objectNode().put("branchName", "pr/task#079").put("exists", true));

            assertThat(store.unsupportedFields(withPrState)).containsExactly("prState");
            store.put(withPrState);
            assertThat(store.get("task#079").orElseThrow().fields()).isEqualTo(withPrState.without("prState").fields());
        }
    }

    @Test
    void aMinskySqliteTableWithoutBranchStillSortsAndSearches() throws SQLException {
        Path file = tempDir.resolve("old.db");
        ForeignSqliteFiles.execute(file,
                "CREATE TABLE sessions (session TEXT PRIMARY KEY, repoName TEXT NOT NULL, repoUrl TEXT, createdAt TEXT NOT NULL, taskId TEXT)",
                "INSERT INTO sessions VALUES ('b', 'local/minsky', '/src', '2025-05-16T22:16:33.321Z', '#002')",
                "INSERT INTO sessions VALUES ('a', 'local/minsky', '/src', '2025-05-17T10:00:00.000Z', NULL)");

        try (SessionStore store = StoreFactory.open("sqlite:" + file, OpenMode.EXISTING)) {
            var query = SessionQuery.all().sortedBy(SortKey.BRANCH, false);
            assertThat(store.page(query).records()).extracting(SessionRecord::key).containsExactly("a", "b");
            assertThat(store.page(SessionQuery.all().withSearch("#00")).records()).extracting(SessionRecord::key).containsExactly("b");
            assertThat(store.unsupportedFields(store.get("a").orElseThrow().with("branch", "x"))).containsExactly("branch");
        }
    }
}
