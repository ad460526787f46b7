package dev.sessiondb.store.sql;

/**
 * The SQLite {@code sessions} table a new store made with {@code ?layout=minsky} gets: the table
 * Minsky's last SQLite release (2026, until June 2026) ends up with after opening a file — its
 * {@code CREATE TABLE} plus the columns it adds with {@code ALTER TABLE}, in that order — with the
 * 2025 {@code branch} column that older records still carry (Minsky reads only the columns it names).
 * A PostgreSQL database is never created in Minsky's layout: see {@link SqlStores#minskyPostgresRefusal}.
 */
final class MinskyDdl {

    private MinskyDdl() {
    }

    static final String SQLITE = """
            CREATE TABLE sessions (
                session TEXT PRIMARY KEY,
                repoName TEXT NOT NULL,
                repoUrl TEXT,
                createdAt TEXT NOT NULL,
                taskId TEXT,
                branch TEXT,
                repoPath TEXT,
                prBranch TEXT,
                prApproved TEXT,
                prState TEXT,
                backendType TEXT,
                pullRequest TEXT,
                last_activity_at TEXT,
                last_commit_hash TEXT,
                last_commit_message TEXT,
                commit_count INTEGER,
                status TEXT,
                agent_id TEXT
            )""";
}
