-- Columns a page sorts, filters and searches by (filled from the records by V3), their
-- indexes in binary order, and trigram indexes for substring search when pg_trgm exists.
ALTER TABLE sessions
    ADD COLUMN task_id TEXT,
    ADD COLUMN repo_name TEXT,
    ADD COLUMN branch TEXT,
    ADD COLUMN status TEXT,
    ADD COLUMN created_at TEXT,
    ADD COLUMN last_activity_at TEXT;

-- binary order (what pages, keyset paging and the cursor sort by) for the key too
CREATE INDEX sessions_key_binary ON sessions (session_key COLLATE "C");
CREATE INDEX sessions_task_id ON sessions (task_id);
CREATE INDEX sessions_repo_name ON sessions (repo_name COLLATE "C");
CREATE INDEX sessions_created_at ON sessions (created_at COLLATE "C");

-- pg_trgm goes to public when it can, so that dropping one store's schema never takes the
-- extension (and every other store's trigram index) with it. Each step may be refused by the
-- server (no extension, no privilege); search then works without the index.
DO $$
DECLARE
    trgm_schema TEXT;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        BEGIN
            CREATE EXTENSION pg_trgm SCHEMA public;
        EXCEPTION WHEN OTHERS THEN
            BEGIN
                CREATE EXTENSION pg_trgm;
            EXCEPTION WHEN OTHERS THEN
                RAISE NOTICE 'pg_trgm is not available (%); search works without a trigram index', SQLERRM;
            END;
        END;
    END IF;
    SELECT n.nspname INTO trgm_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm' AND has_schema_privilege(n.oid, 'USAGE');
    IF trgm_schema IS NOT NULL THEN
        BEGIN
            EXECUTE format('CREATE INDEX sessions_search ON sessions USING gin ('
                || 'lower(session_key) %1$I.gin_trgm_ops, lower(task_id) %1$I.gin_trgm_ops, '
                || 'lower(repo_name) %1$I.gin_trgm_ops, lower(branch) %1$I.gin_trgm_ops)', trgm_schema);
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'no trigram index (%); search works without it', SQLERRM;
        END;
    END IF;
END $$;
