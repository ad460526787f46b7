-- One trigram index over one expression instead of four columns: the key, task id, repository
-- and branch joined by the unit separator (chr 31, which no needle holds, so no match spans
-- two fields). It builds in a little over half the time and is half the size (BENCHMARKS.md).
-- As in V2, each step may be refused by the server; search then works without the index.
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
            EXECUTE format('CREATE INDEX sessions_search ON sessions USING gin (lower(session_key || chr(31) || coalesce(task_id, '''')'
                || ' || chr(31) || coalesce(repo_name, '''') || chr(31) || coalesce(branch, '''')) %1$I.gin_trgm_ops)', trgm_schema);
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'no trigram index (%); search works without it', SQLERRM;
        END;
    END IF;
END $$;
