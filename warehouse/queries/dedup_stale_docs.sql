-- Indexed pages whose band keys were computed with other parameters than $1,
-- with the extracted text to compute them again; at most $2 of them.
SELECT d.url, d.doc_id, e.body_text
FROM dedup_docs d
JOIN extractions e USING (url)
WHERE d.shingles IS NOT NULL AND d.sketch_version IS DISTINCT FROM $1
ORDER BY d.indexed_at, d.url
LIMIT $2;
