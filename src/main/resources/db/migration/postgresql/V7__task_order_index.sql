-- Sorting by task orders by the task's number, numerically, the same task's ids together by
-- text, then the ids that are no number (TaskIdOrder), where the old index on task_id held the
-- text alone (#1000 before #999, md#079 far from #079). This index holds what a page sorted by
-- task orders by (TaskOrderSql): the task number, no larger than SQLite's integers (an id that
-- is no number one more), then the task id; from built-in functions only, so that psql can
-- still write the table. A filter by task id asks it for the id's number and the id, as it asked
-- sessions_task_id for the id. The number adds a few bytes to an entry: PgIndexLimits' margin.
-- As V6, it ends with the planner's statistics of the new expression: no row changes here, so
-- autovacuum would not gather them.
DROP INDEX IF EXISTS sessions_task_id;
CREATE INDEX sessions_task_order ON sessions ((
    CASE WHEN task_id IS NULL THEN NULL WHEN task_id ~ '^([A-Za-z]{0,8}#){0,1}[0-9]+$' THEN least(CAST(substr(task_id, strpos(task_id, '#') + 1) AS numeric), 9223372036854775807) ELSE 9223372036854775808 END
), task_id);
ANALYZE sessions;
