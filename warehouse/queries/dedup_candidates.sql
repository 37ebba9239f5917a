-- Earlier pages sharing at least one LSH band key with a page of the batch
-- (its keys registered as dedup_batch_bands). Band keys carry their band
-- number, so one key column is enough.
SELECT DISTINCT q.idx, b.doc_id
FROM dedup_batch_bands q
JOIN dedup_bands b USING (band_key);
