-- Remember which pages have current claims (batch: url, extractor_version, claims, extracted_at).
INSERT OR REPLACE INTO claim_runs BY NAME SELECT * FROM batch;
