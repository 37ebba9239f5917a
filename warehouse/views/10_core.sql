-- Public views: the SQL contract analysts and outside evaluations query.
-- They are re-created on every write-open (see store/db.py); columns may be
-- added at the end, never renamed or removed.

-- One row per page URL fetched and extracted (duplicates included; pages of one
-- story share dup_group).
CREATE OR REPLACE VIEW articles AS
SELECT
    e.url,
    e.canonical_url,
    m.dup_group,
    e.outlet,
    e.title,
    e.published,
    e.body_text,
    e.author,
    e.language,
    e.is_partial,
    e.published_source,
    m.reason AS dup_reason,
    p.fetched_at
FROM extractions e
LEFT JOIN dup_members m USING (url)
LEFT JOIN pages p USING (url);

-- Claims as shared/spec/claims.md defines them, once per duplicate group.
CREATE OR REPLACE VIEW claims AS
SELECT
    c.article_url,
    c.company,
    c.product,
    c.metric,
    c.value,
    c.unit,
    c.qualifier,
    c.region,
    c.horizon_year,
    c.fiscal_year,
    c.kind,
    c.evidence,
    c.claim_id,
    c.dup_group,
    e.published,
    e.outlet,
    e.title AS article_title
FROM extracted_claims c
LEFT JOIN extractions e ON e.url = c.page_url;

-- Every claim with its verdict against the target registry on the article's date.
CREATE OR REPLACE VIEW claim_checks AS
SELECT
    c.*,
    v.verdict,
    v.target_id,
    v.progress,
    v.reason AS verdict_reason
FROM claims c
LEFT JOIN claim_verdicts v USING (claim_id);

-- Feed health: what an operator looks at when a source goes quiet.
CREATE OR REPLACE VIEW feed_health AS
SELECT
    s.feed_url,
    s.name,
    f.last_checked_at,
    f.last_status,
    f.last_success_at,
    f.last_error,
    f.last_error_at,
    coalesce(f.consecutive_failures, 0) AS consecutive_failures,
    coalesce(f.entries_seen, 0) AS entries_seen,
    coalesce(f.new_entries, 0) AS new_entries,
    f.next_fetch_at,
    coalesce(f.consecutive_failures, 0) >= 3 AS backing_off
FROM sources s
LEFT JOIN feed_state f USING (feed_url);
