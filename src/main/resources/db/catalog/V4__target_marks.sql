-- The target's change mark as a run found it (just before its backup) and as it left it (once it let go of the store):
-- undo compares the store with the mark its job left to tell a later write by anyone.
ALTER TABLE job_run ADD COLUMN target_mark_before VARCHAR(1000);
ALTER TABLE job_run ADD COLUMN target_mark_after VARCHAR(1000);
