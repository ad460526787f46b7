package dev.sessiondb.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** What a SQLite store's search index must hold, checked with FTS5's own means and against a scan of its rows. */
final class SearchIndexCheck {

    private SearchIndexCheck() {
    }

    /**
     * FTS5's integrity check with rank 1, which compares the index with the view's text row by
     * row, then each needle counted through the index as a scan of the rows counts it.
     */
    static void assertIndexMatchesItsRows(Statement statement, List<String> needles) throws SQLException {
        statement.execute("INSERT INTO sessions_search (sessions_search, rank) VALUES ('integrity-check', 1)");
        for (String needle : needles) {
            assertThat(count(statement, "SELECT count(*) FROM sessions_search WHERE text LIKE '%" + needle + "%'"))
                    .as("the index answers '%s' as a scan of the rows", needle)
                    .isEqualTo(count(statement, "SELECT count(*) FROM sessions_search_text WHERE text LIKE '%" + needle + "%'"));
        }
    }

    /** The single number {@code sql} gives. */
    static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getLong(1);
        }
    }
}
