-- Extracted text and metadata of pages (batch: every extractions column).
INSERT OR REPLACE INTO extractions BY NAME SELECT * FROM batch;
