-- The key and the extracted columns compare as bytes ("C"), the order pages, keyset paging and
-- cursors sort by: the key's own unique index then serves that order, so its second index
-- (sessions_key_binary) goes, and every index on these columns is cheaper to build and keep.
-- The search text leaves out a branch equal to the key (Minsky names a session's branch after
-- it): the same sessions match, since no needle holds the separator, and the trigram index has a
-- third less to index. lower() still folds case by the database's own collation, as in V4.
-- A SQLite -> PostgreSQL migration at 300k: 1.5 s less of the server's CPU (BENCHMARKS.md).
DROP INDEX IF EXISTS sessions_search;
DROP INDEX IF EXISTS sessions_key_binary;
ALTER TABLE sessions
    ALTER COLUMN session_key TYPE TEXT COLLATE "C",
    ALTER COLUMN task_id TYPE TEXT COLLATE "C",
    ALTER COLUMN repo_name TYPE TEXT COLLATE "C",
    ALTER COLUMN branch TYPE TEXT COLLATE "C",
    ALTER COLUMN status TYPE TEXT COLLATE "C",
    ALTER COLUMN created_at TYPE TEXT COLLATE "C",
    ALTER COLUMN last_activity_at TYPE TEXT COLLATE "C";
-- As in V4, the server may refuse the index; search then works without it.
DO $$
DECLARE
    trgm_schema TEXT;
BEGIN
    SELECT n.nspname INTO trgm_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm' AND has_schema_privilege(n.oid, 'USAGE');
    IF trgm_schema IS NOT NULL THEN
        BEGIN
            EXECUTE format('CREATE INDEX sessions_search ON sessions USING gin (lower((session_key || chr(31) || coalesce(task_id, '''')'
                || ' || chr(31) || coalesce(repo_name, '''') || chr(31) || CASE WHEN branch = session_key THEN '''' ELSE coalesce(branch, '''') END)'
                || ' COLLATE "default") %1$I.gin_trgm_ops)', trgm_schema);
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'no trigram index (%); search works without it', SQLERRM;
        END;
    END IF;
END $$;
