-- The pages among $2 (a list of page URLs) that carry a duplicate group whose
-- claims are missing or stale ($1: current extractor version). Same rules as
-- claims_pending, limited to one batch of pages so it does not scan the warehouse.
SELECT f.dup_group, f.url, e.canonical_url, e.title, e.body_text, e.published, e.language
FROM dup_group_first f
JOIN extractions e USING (url)
LEFT JOIN claim_runs r ON r.url = f.url
WHERE f.url IN (SELECT unnest($2::VARCHAR[]))
  AND (r.url IS NULL OR r.extractor_version <> $1
       OR EXISTS (SELECT 1 FROM extracted_claims c WHERE c.dup_group = f.dup_group AND c.page_url <> f.url));
