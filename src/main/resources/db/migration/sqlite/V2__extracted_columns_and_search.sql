-- Columns a page sorts, filters and searches by (filled from the records by V3), their
-- indexes, and a trigram full-text index for substring search, kept by triggers.
ALTER TABLE sessions ADD COLUMN task_id TEXT;
ALTER TABLE sessions ADD COLUMN repo_name TEXT;
ALTER TABLE sessions ADD COLUMN branch TEXT;
ALTER TABLE sessions ADD COLUMN status TEXT;
ALTER TABLE sessions ADD COLUMN created_at TEXT;
ALTER TABLE sessions ADD COLUMN last_activity_at TEXT;

CREATE INDEX sessions_task_id ON sessions (task_id);
CREATE INDEX sessions_repo_name ON sessions (repo_name);
CREATE INDEX sessions_created_at ON sessions (created_at);

CREATE VIRTUAL TABLE sessions_search USING fts5(
    session_key, task_id, repo_name, branch,
    content = 'sessions', content_rowid = 'id', tokenize = 'trigram');

CREATE TRIGGER sessions_search_insert AFTER INSERT ON sessions BEGIN
    INSERT INTO sessions_search (rowid, session_key, task_id, repo_name, branch)
    VALUES (new.id, new.session_key, new.task_id, new.repo_name, new.branch);
END;

CREATE TRIGGER sessions_search_delete AFTER DELETE ON sessions BEGIN
    INSERT INTO sessions_search (sessions_search, rowid, session_key, task_id, repo_name, branch)
    VALUES ('delete', old.id, old.session_key, old.task_id, old.repo_name, old.branch);
END;

CREATE TRIGGER sessions_search_update AFTER UPDATE ON sessions BEGIN
    INSERT INTO sessions_search (sessions_search, rowid, session_key, task_id, repo_name, branch)
    VALUES ('delete', old.id, old.session_key, old.task_id, old.repo_name, old.branch);
    INSERT INTO sessions_search (rowid, session_key, task_id, repo_name, branch)
    VALUES (new.id, new.session_key, new.task_id, new.repo_name, new.branch);
END;

INSERT INTO sessions_search (sessions_search) VALUES ('rebuild');
