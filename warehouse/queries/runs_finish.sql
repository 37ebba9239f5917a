-- $1 run_id, $2 finished_at, $3 status, $4 counts (JSON), $5 durations (JSON), $6 errors, $7 message
UPDATE runs SET finished_at = $2, status = $3, counts = $4, durations = $5, errors = $6, message = $7
WHERE run_id = $1;
