-- How far a run that saved no report got: written_at once its write into the target is complete;
-- restore_run_id on a backup when an undo run began putting it back (restored_at says it finished).
ALTER TABLE job_run ADD COLUMN written_at TIMESTAMP;
ALTER TABLE backup_entry ADD COLUMN restore_run_id VARCHAR(200);
