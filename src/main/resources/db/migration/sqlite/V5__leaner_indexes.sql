-- The search text leaves out a branch equal to the key (Minsky names a session's branch after
-- it): the same sessions match, since no needle holds the separator (char 31), and the trigram
-- index has a third less to index (its rebuild at 300k: 1.5-1.7 s against 2.5-2.6 s;
-- BENCHMARKS.md). The view and the triggers give the index the same text, as an index over
-- external content needs: a delete must name exactly the text that was added.
DROP TRIGGER sessions_search_insert;
DROP TRIGGER sessions_search_delete;
DROP TRIGGER sessions_search_update;
DROP VIEW sessions_search_text;

CREATE VIEW sessions_search_text AS
    SELECT id, session_key || char(31) || coalesce(task_id, '') || char(31) || coalesce(repo_name, '') || char(31)
        || CASE WHEN branch = session_key THEN '' ELSE coalesce(branch, '') END AS text
    FROM sessions;

CREATE TRIGGER sessions_search_insert AFTER INSERT ON sessions BEGIN
    INSERT INTO sessions_search (rowid, text)
    VALUES (new.id, new.session_key || char(31) || coalesce(new.task_id, '') || char(31) || coalesce(new.repo_name, '') || char(31)
        || CASE WHEN new.branch = new.session_key THEN '' ELSE coalesce(new.branch, '') END);
END;

CREATE TRIGGER sessions_search_delete AFTER DELETE ON sessions BEGIN
    INSERT INTO sessions_search (sessions_search, rowid, text)
    VALUES ('delete', old.id, old.session_key || char(31) || coalesce(old.task_id, '') || char(31) || coalesce(old.repo_name, '') || char(31)
        || CASE WHEN old.branch = old.session_key THEN '' ELSE coalesce(old.branch, '') END);
END;

CREATE TRIGGER sessions_search_update AFTER UPDATE ON sessions BEGIN
    INSERT INTO sessions_search (sessions_search, rowid, text)
    VALUES ('delete', old.id, old.session_key || char(31) || coalesce(old.task_id, '') || char(31) || coalesce(old.repo_name, '') || char(31)
        || CASE WHEN old.branch = old.session_key THEN '' ELSE coalesce(old.branch, '') END);
    INSERT INTO sessions_search (rowid, text)
    VALUES (new.id, new.session_key || char(31) || coalesce(new.task_id, '') || char(31) || coalesce(new.repo_name, '') || char(31)
        || CASE WHEN new.branch = new.session_key THEN '' ELSE coalesce(new.branch, '') END);
END;

INSERT INTO sessions_search (sessions_search) VALUES ('rebuild');
