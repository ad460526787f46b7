package dev.sessiondb.store.sql;

import java.util.List;

/** The {@code sessions} table Minsky itself creates, for a new store made with {@code ?layout=minsky}. */
final class MinskyDdl {

    private MinskyDdl() {
    }

    static List<String> statements(Dialect dialect) {
        return dialect == Dialect.SQLITE ? List.of(SQLITE) : List.of(POSTGRESQL);
    }

    /** Minsky's camelCase SQLite table, with the older {@code branch} column that 2025 records still carry. */
    private static final String SQLITE = """
            CREATE TABLE sessions (
                "session" TEXT PRIMARY KEY,
                "repoName" TEXT NOT NULL,
                "repoUrl" TEXT,
                "createdAt" TEXT NOT NULL,
                "taskId" TEXT,
                "branch" TEXT,
                "repoPath" TEXT,
                "prBranch" TEXT,
                "prApproved" TEXT,
                "prState" TEXT,
                "backendType" TEXT,
                "pullRequest" TEXT
            )""";

    /** Minsky's snake_case PostgreSQL table (2026), with the older {@code repo_path} and {@code branch} columns. */
    private static final String POSTGRESQL = """
            CREATE TABLE sessions (
                session VARCHAR(255) PRIMARY KEY,
                repo_name TEXT NOT NULL,
                repo_url TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL,
                task_id VARCHAR(100),
                branch TEXT,
                repo_path TEXT,
                pr_branch TEXT,
                pr_approved VARCHAR(10),
                pr_state TEXT,
                backend_type TEXT,
                pull_request TEXT,
                last_activity_at TIMESTAMPTZ,
                last_commit_hash TEXT,
                last_commit_message TEXT,
                status TEXT,
                agent_id TEXT,
                commit_count INTEGER,
                project_id UUID,
                interface_binding TEXT,
                short_id TEXT UNIQUE
            )""";
}
