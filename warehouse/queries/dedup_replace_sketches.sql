-- New shingles for re-sketched pages (registered as dedup_resketched), under version $1.
UPDATE dedup_docs
SET shingles = r.shingles, sketch_version = $1
FROM dedup_resketched r
WHERE dedup_docs.url = r.url;
