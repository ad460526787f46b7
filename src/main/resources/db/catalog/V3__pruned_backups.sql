-- The backup a prune deleted stays named on the run that took it, so history and undo can say it was pruned.
ALTER TABLE job_run ADD COLUMN pruned_backup_id VARCHAR(200);
ALTER TABLE job_run ADD COLUMN pruned_at TIMESTAMP;
