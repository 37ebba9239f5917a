-- The page of each duplicate group that carries the group's claims: earliest
-- published, then first seen, then URL (a stable last resort). Later stages
-- count groups, not pages, as sources.
CREATE OR REPLACE VIEW dup_group_first AS
SELECT dup_group, url, canonical_url, published
FROM (
    SELECT
        m.dup_group,
        m.url,
        coalesce(e.canonical_url, d.canonical_url) AS canonical_url,
        coalesce(e.published, d.published) AS published,
        row_number() OVER (
            PARTITION BY m.dup_group
            ORDER BY coalesce(e.published, d.published) NULLS LAST,
                     coalesce(p.first_seen_at, m.assigned_at),
                     m.assigned_at,
                     m.url
        ) AS rank_in_group
    FROM dup_members m
    LEFT JOIN extractions e USING (url)
    LEFT JOIN pages p USING (url)
    LEFT JOIN dedup_docs d USING (url)
)
WHERE rank_in_group = 1;
