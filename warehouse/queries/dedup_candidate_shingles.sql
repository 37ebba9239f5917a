-- Group and shingles of indexed pages named in dedup_candidate_ids, for the
-- exact Jaccard check. $1 = the sketch version the batch was computed with.
SELECT d.doc_id, d.dup_group, d.indexed_at, d.shingles
FROM dedup_docs d
JOIN dedup_candidate_ids c USING (doc_id)
WHERE d.sketch_version = $1 AND d.shingles IS NOT NULL;
