-- First pages of duplicate groups whose claims are missing or were extracted by
-- another extractor version. $1: current extractor version.
SELECT f.dup_group, f.url, e.canonical_url, e.title, e.body_text, e.published, e.language
FROM dup_group_first f
JOIN extractions e USING (url)
LEFT JOIN claim_runs r ON r.url = f.url
WHERE r.url IS NULL OR r.extractor_version <> $1
   OR EXISTS (SELECT 1 FROM extracted_claims c WHERE c.dup_group = f.dup_group AND c.page_url <> f.url);
