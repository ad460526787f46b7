package dev.sessiondb.validation;

import dev.sessiondb.store.StoreFormat;
import dev.sessiondb.store.StoreLayout;
import dev.sessiondb.store.StoreLocator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A SQL store in Minsky's layout whose {@code sessions} table lacks columns Minsky writes:
 * Minsky's SQLite writer silently dropped PR data on a table without {@code prState}.
 * Missing columns of the 2025 schema are errors; missing 2026 columns mean an older schema.
 */
final class SchemaDriftCheck implements Check {

    private static final List<String> SQLITE_COLUMNS = List.of("session", "repoName", "repoUrl", "createdAt", "taskId", "repoPath",
            "prBranch", "prApproved", "prState", "backendType", "pullRequest");
    private static final List<String> POSTGRES_COLUMNS = List.of("session", "repo_name", "repo_url", "created_at", "task_id",
            "pr_branch", "pr_approved", "pr_state", "backend_type", "pull_request");
    private static final List<String> POSTGRES_2026_COLUMNS = List.of("last_activity_at", "last_commit_hash", "last_commit_message",
            "status", "agent_id", "commit_count", "project_id", "interface_binding", "short_id");

    private final StoreLocator locator;
    private final StoreLayout layout;

    SchemaDriftCheck(StoreLocator locator, StoreLayout layout) {
        this.locator = locator;
        this.layout = layout;
    }

    @Override
    public String name() {
        return "schema-drift";
    }

    @Override
    public void finish(Consumer<Finding> findings) {
        boolean sqlite = locator.format() == StoreFormat.SQLITE;
        if (layout != StoreLayout.MINSKY || !(sqlite || locator.format() == StoreFormat.POSTGRESQL)) {
            return;
        }
        Set<String> columns = SqlColumns.of(locator);
        if (columns.isEmpty()) {
            findings.accept(Finding.of(this, Severity.ERROR, null, "the database has no sessions table",
                    "point Minsky at the right database, or let it create the table on its next start"));
            return;
        }
        report(sqlite ? SQLITE_COLUMNS : POSTGRES_COLUMNS, columns, Severity.ERROR, sqlite, findings);
        if (!sqlite) {
            report(POSTGRES_2026_COLUMNS, columns, Severity.WARNING, false, findings);
        }
    }

    private void report(List<String> expected, Set<String> columns, Severity severity, boolean sqlite, Consumer<Finding> findings) {
        for (String column : expected) {
            if (!columns.contains(column.toLowerCase(Locale.ROOT))) {
                String type = column.equals("commit_count") ? "INTEGER" : "TEXT";
                findings.accept(Finding.of(this, severity, null,
                        "the sessions table has no column " + column + (severity == Severity.ERROR
                                ? "; what Minsky writes there is silently dropped" : "; the schema predates Minsky's 2026 fields"),
                        "add it: ALTER TABLE sessions ADD COLUMN " + (sqlite ? "\"" + column + "\"" : column) + " " + type));
            }
        }
    }
}
