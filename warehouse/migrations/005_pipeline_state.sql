-- 005_pipeline_state: small facts a run remembers for the next one, such as the
-- inputs the last comparison and the last snapshot were made from (so a run
-- with nothing new can skip both).
CREATE TABLE IF NOT EXISTS pipeline_state (
    key        VARCHAR PRIMARY KEY,
    value      VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
