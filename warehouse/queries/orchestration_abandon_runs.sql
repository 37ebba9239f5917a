-- Runs still marked 'running' when a new run holds the writer lock: every
-- writer takes that lock, so their process is gone (kill -9, crash, power loss).
-- $1 message (names the dead process when its lock record says who it was)
UPDATE runs SET status = 'abandoned', message = $1
WHERE status = 'running';
