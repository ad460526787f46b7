-- The undo that took a run's changes out of its store: its own undo, or the undo of an earlier job on that store, which
-- put the store back as it was before that job and so took the later jobs' changes with it.
ALTER TABLE job_run ADD COLUMN undone_by VARCHAR(200);
