package dev.sessiondb.store.sql;

import dev.sessiondb.store.SchemaGap;
import dev.sessiondb.store.StoreCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns Minsky writes into its sessions table, per dialect: missing columns of the 2025
 * schema lose data (Minsky's SQLite writer silently dropped PR data on a table without
 * {@code prState}); missing 2026 columns mean an older schema.
 */
final class MinskySchema {

    private static final List<String> SQLITE_COLUMNS = List.of("session", "repoName", "repoUrl", "createdAt", "taskId", "repoPath",
            "prBranch", "prApproved", "prState", "backendType", "pullRequest");
    private static final List<String> POSTGRES_COLUMNS = List.of("session", "repo_name", "repo_url", "created_at", "task_id",
            "pr_branch", "pr_approved", "pr_state", "backend_type", "pull_request");
    private static final List<String> POSTGRES_2026_COLUMNS = List.of("last_activity_at", "last_commit_hash", "last_commit_message",
            "status", "agent_id", "commit_count", "project_id", "interface_binding", "short_id");

    private MinskySchema() {
    }

    /** What the sessions table lacks; a missing table is one required gap named {@code sessions}. */
    static List<SchemaGap> gaps(Dialect dialect, StoreCatalog catalog) {
        if (!catalog.hasTable("sessions")) {
            return List.of(new SchemaGap("sessions", true, "let Minsky create the table on its next start"));
        }
        Set<String> columns = catalog.columnNames("sessions").stream().collect(Collectors.toSet());
        List<SchemaGap> gaps = new ArrayList<>();
        boolean sqlite = dialect == Dialect.SQLITE;
        add(sqlite ? SQLITE_COLUMNS : POSTGRES_COLUMNS, true, columns, sqlite, gaps);
        if (!sqlite) {
            add(POSTGRES_2026_COLUMNS, false, columns, false, gaps);
        }
        return gaps;
    }

    private static void add(List<String> expected, boolean required, Set<String> columns, boolean sqlite, List<SchemaGap> gaps) {
        for (String column : expected) {
            if (!columns.contains(column.toLowerCase(Locale.ROOT))) {
                String type = column.equals("commit_count") ? "INTEGER" : "TEXT";
                gaps.add(new SchemaGap(column, required, "ALTER TABLE sessions ADD COLUMN " + (sqlite ? "\"" + column + "\"" : column) + " " + type));
            }
        }
    }
}
