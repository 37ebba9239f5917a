-- $1: key
SELECT value, updated_at FROM pipeline_state WHERE key = $1;
