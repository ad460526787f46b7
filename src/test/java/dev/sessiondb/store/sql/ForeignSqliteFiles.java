package dev.sessiondb.store.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** SQLite files as other tools write them, made with plain JDBC so no code under test touches them. */
final class ForeignSqliteFiles {

    private ForeignSqliteFiles() {
    }

    /** Minsky's camelCase table in WAL mode, as Minsky sets it up, with two sessions. */
    static Path minsky(Path file, boolean withPrState) throws SQLException {
        execute(file, "PRAGMA journal_mode=WAL",
                "CREATE TABLE sessions (session TEXT PRIMARY KEY, repoName TEXT NOT NULL, repoUrl TEXT, createdAt TEXT NOT NULL,"
                        + " taskId TEXT, branch TEXT, repoPath TEXT, prBranch TEXT, prApproved TEXT,"
                        + (withPrState ? " prState TEXT," : "") + " backendType TEXT, pullRequest TEXT)",
                "INSERT INTO sessions (session, repoName, repoUrl, createdAt, taskId, branch, prApproved) VALUES"
                        + " ('task#079', 'local/minsky', '/src/minsky', '2025-05-16T22:16:33.321Z', '#079', 'task#079', 'true'),"
                        + " ('158', 'local-minsky', '/src/minsky', '2025-06-01T08:00:00.000Z', NULL, NULL, NULL)",
                "PRAGMA wal_checkpoint(TRUNCATE)");
        return file;
    }

    /** The chat server's two tables with one conversation. */
    static Path chat(Path file) throws SQLException {
        execute(file,
                "CREATE TABLE sessions (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, user_id TEXT, traits TEXT, created_at TEXT NOT NULL)",
                "CREATE TABLE messages (id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                        + " role TEXT NOT NULL, content TEXT NOT NULL, created_at TEXT NOT NULL)",
                "CREATE INDEX messages_session_id_idx ON messages (session_id)",
                "INSERT INTO sessions VALUES ('s1', 'acme', 'u1', '{\"plan\":\"pro\"}', '2025-01-06T09:00:00Z')",
                "INSERT INTO messages VALUES ('m1', 's1', 'user', 'hello', '2025-01-06T09:00:01Z')",
                "INSERT INTO messages VALUES ('m2', 's1', 'assistant', 'hi there', '2025-01-06T09:00:02Z')");
        return file;
    }

    static void execute(Path file, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
