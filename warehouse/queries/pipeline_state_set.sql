-- $1: key, $2: value, $3: now (UTC)
INSERT OR REPLACE INTO pipeline_state VALUES ($1, $2, $3);
