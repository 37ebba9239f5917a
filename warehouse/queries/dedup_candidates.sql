-- Earlier pages sharing at least one LSH band key with a page of the batch
-- (its keys registered as dedup_batch_bands), with their shingles for the
-- exact check. $1 = the sketch version the batch was computed with.
SELECT c.idx, d.dup_group, d.indexed_at, d.shingles
FROM (
    SELECT DISTINCT q.idx, b.doc_id
    FROM dedup_batch_bands q
    JOIN dedup_bands b ON b.band = q.band AND b.band_key = q.band_key
) c
JOIN dedup_docs d ON d.doc_id = c.doc_id
WHERE d.sketch_version = $1 AND d.shingles IS NOT NULL;
