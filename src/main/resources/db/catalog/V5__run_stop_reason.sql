-- Why a run that stopped without a report was refused or failed (its message, secrets masked): the history says it.
ALTER TABLE job_run ADD COLUMN stop_reason VARCHAR(4000);
