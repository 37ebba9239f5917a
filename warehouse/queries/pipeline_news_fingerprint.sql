-- What the stored news amounts to: row counts and latest write times of the
-- tables a comparison or a reader's snapshot depends on. Equal fingerprints
-- mean nothing was added, replaced or re-extracted in between.
SELECT concat_ws('|',
    (SELECT count(*) || '@' || coalesce(max(fetched_at)::VARCHAR, '') FROM pages),
    (SELECT count(*) || '@' || coalesce(max(extracted_at)::VARCHAR, '') FROM extractions),
    (SELECT count(*) || '@' || coalesce(max(assigned_at)::VARCHAR, '') FROM dup_members),
    (SELECT count(*) || '@' || coalesce(max(extracted_at)::VARCHAR, '') FROM extracted_claims),
    (SELECT count(*) || '@' || coalesce(max(checked_at)::VARCHAR, '') FROM claim_verdicts),
    (SELECT count(*) FROM targets)
);
