-- Runs left 'running' by a process that died (kill -9, power loss) before $1.
UPDATE runs SET status = 'abandoned', message = 'the process running it stopped before it finished'
WHERE status = 'running' AND started_at < $1;
