-- Errors recorded by a run (batch: every errors column); the id is a content
-- hash of run, stage, url and message, so a retried load adds nothing twice.
INSERT INTO errors BY NAME SELECT * FROM batch
ON CONFLICT (error_id) DO NOTHING;
