-- Job leases are held while a job runs (renewed by a heartbeat) and released when it ends; when a
-- job may run next is kept apart from the lease, so that releasing it does not let the job run again
-- at once on another instance (issue 16). Version 8.1 leaves 8 to the branches in flight.
ALTER TABLE job_lock ADD COLUMN next_run_at timestamp NOT NULL DEFAULT TIMESTAMP '1970-01-01 00:00:00';
