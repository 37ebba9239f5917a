-- $1 run_id, $2 flow, $3 started_at (UTC)
INSERT INTO runs (run_id, flow, started_at, status) VALUES ($1, $2, $3, 'running')
ON CONFLICT (run_id) DO NOTHING;
