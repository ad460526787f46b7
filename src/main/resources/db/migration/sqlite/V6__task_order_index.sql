-- Sorting by task orders by the task's number, numerically, the same task's ids together by
-- text, then the ids that are no number (TaskIdOrder), where the old index on task_id held the
-- text alone (#1000 before #999, md#079 far from #079). This index holds what a page sorted by
-- task orders by (TaskOrderSql): the task number as an integer (an id that is no number as its
-- text, which SQLite sorts after every integer), then the task id; from built-in functions only,
-- so that sqlite3 can still write the file. A filter by task id asks it for the id's number and
-- the id, as it asked sessions_task_id for the id. Its build at 300k: BENCHMARKS.md.
DROP INDEX IF EXISTS sessions_task_id;
CREATE INDEX sessions_task_order ON sessions ((
    CASE WHEN (task_id GLOB '[0-9]*' AND task_id NOT GLOB '*[^0-9]*' OR task_id GLOB '*#[0-9]*' AND task_id NOT GLOB '*#*[^0-9]*' AND task_id NOT GLOB '*[^A-Za-z]*#*' AND instr(task_id, '#') <= 9) THEN CAST(substr(task_id, instr(task_id, '#') + 1) AS INTEGER) ELSE task_id END
), task_id);
