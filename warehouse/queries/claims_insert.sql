-- New claims (batch: every extracted_claims column).
INSERT OR REPLACE INTO extracted_claims BY NAME SELECT * FROM batch;
