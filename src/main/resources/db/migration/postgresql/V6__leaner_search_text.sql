-- The search text in two halves, each with its own trigram index: the key with its task id, and
-- the repository with its branch. A large write builds its indexes two at a time on their own
-- connections (PendingRebuild), so the two halves build side by side where V5's one index ended
-- the job alone. A search asks both halves (their conditions joined by OR, which the planner
-- answers with both indexes); no needle holds the separator (chr 31), so the same sessions
-- match as in V5. The task id leaves the text when the key holds it (Minsky names a session
-- after its task): every needle it matches, the key matches. A SQLite -> PostgreSQL migration of
-- 300k sessions: BENCHMARKS.md. As in V4, the server may refuse the indexes; search then works
-- without them. The planner's statistics of the new indexes' expressions are gathered at once:
-- no row changes here, so autovacuum would not, and without them a common needle took 0.2 s
-- instead of 0.1 ms at 300k.
DROP INDEX IF EXISTS sessions_search;
DO $$
DECLARE
    trgm_schema TEXT;
BEGIN
    SELECT n.nspname INTO trgm_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm' AND has_schema_privilege(n.oid, 'USAGE');
    IF trgm_schema IS NOT NULL THEN
        BEGIN
            EXECUTE format('CREATE INDEX sessions_search_key ON sessions USING gin (lower((session_key || chr(31)'
                || ' || CASE WHEN strpos(session_key, task_id) > 0 THEN '''' ELSE coalesce(task_id, '''') END)'
                || ' COLLATE "default") %1$I.gin_trgm_ops)', trgm_schema);
            EXECUTE format('CREATE INDEX sessions_search_place ON sessions USING gin (lower((coalesce(repo_name, '''') || chr(31)'
                || ' || CASE WHEN branch = session_key THEN '''' ELSE coalesce(branch, '''') END)'
                || ' COLLATE "default") %1$I.gin_trgm_ops)', trgm_schema);
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'no trigram index (%); search works without it', SQLERRM;
        END;
    END IF;
END $$;
ANALYZE sessions;
