-- Target views: Nissan's targets held against the news (issue 7).
-- Written by compare.run_compare: tables `targets`, `actuals`, `claim_verdicts`.
-- Columns may be added at the end, never renamed or removed.

-- target_status: one row per target version.
--   in_force             announced on or before today (UTC date of the query) and
--                        not superseded by a target announced on or before today
--   superseded_by/_on    the revision that replaced it, and when it was announced
--   independent_sources  distinct duplicate groups (stories, not pages) with a
--                        `consistent` claim about this target; pages_repeating
--                        counts every page of those stories
--   stale_repeats        stories repeating it after it was superseded
--   conflicting_sources  stories whose figure fits it but agrees with no version
--   latest_actual_*      the latest reported figure counted towards it (from
--                        `progress` claims and from the registry's actuals, when
--                        measured alike: same unit, compatible product, metric
--                        not `other`); progress = that figure / the target value
--   deadline_end         31 Dec of horizon_year, or 31 Mar after it for a fiscal year
--   deadline_met         once the deadline passed: did a figure reported for the
--                        deadline year reach the value (within 1 %; for battery_cost
--                        lower is better)? NULL when no such figure is known.
-- Example: SELECT target_id, value, unit, independent_sources, conflicting_sources
--          FROM target_status WHERE in_force ORDER BY independent_sources DESC;
CREATE OR REPLACE VIEW target_status AS
WITH figures AS (
    SELECT target_id, value, unit, product, metric, horizon_year AS actual_year,
           published AS reported, 'article' AS actual_source, article_url AS actual_url, progress
    FROM claim_checks
    WHERE verdict = 'progress'
    UNION ALL
    SELECT target_id, value, unit, product, metric, horizon_year, reported, 'registry', source_url, progress
    FROM actuals
    WHERE target_id IS NOT NULL
),
-- Only figures measured like the target count towards it: same unit, products
-- compatible, and never the catch-all metric `other`.
linked_actuals AS (
    SELECT f.target_id, f.value, f.actual_year, f.reported, f.actual_source, f.actual_url, f.progress
    FROM figures f
    JOIN targets t USING (target_id)
    WHERE f.metric <> 'other'
      AND f.unit IS NOT DISTINCT FROM t.unit
      AND (f.product IS NULL OR t.product IS NULL
           OR contains(lower(f.product), lower(t.product))
           OR contains(lower(t.product), lower(f.product)))
),
latest_actual AS (
    SELECT *
    FROM (
        SELECT *, row_number() OVER (
            PARTITION BY target_id
            ORDER BY actual_year DESC NULLS LAST, reported DESC NULLS LAST, value DESC NULLS LAST
        ) AS rank_in_target
        FROM linked_actuals
    )
    WHERE rank_in_target = 1
),
deadline_figures AS (
    SELECT l.target_id, max(l.value) AS highest, min(l.value) AS lowest
    FROM linked_actuals l
    JOIN targets t USING (target_id)
    WHERE l.actual_year = t.horizon_year
    GROUP BY l.target_id
),
story_pages AS (
    SELECT dup_group, count(*) AS pages FROM articles GROUP BY dup_group
),
repeats AS (
    SELECT c.target_id,
           count(DISTINCT c.dup_group) FILTER (WHERE c.verdict = 'consistent') AS independent_sources,
           count(DISTINCT c.dup_group) FILTER (WHERE c.verdict = 'superseded') AS stale_repeats,
           count(DISTINCT c.dup_group) FILTER (WHERE c.verdict = 'conflicting') AS conflicting_sources,
           max(c.published) FILTER (WHERE c.verdict = 'consistent') AS last_repeated
    FROM claim_checks c
    WHERE c.target_id IS NOT NULL
    GROUP BY c.target_id
),
repeat_pages AS (
    SELECT target_id, sum(coalesce(p.pages, 1)) AS pages_repeating
    FROM (SELECT DISTINCT target_id, dup_group FROM claim_checks WHERE verdict = 'consistent') g
    LEFT JOIN story_pages p USING (dup_group)
    GROUP BY target_id
),
timed AS (
    SELECT t.*,
           s.announced AS superseded_on,
           s.value AS superseded_value,
           CASE WHEN t.horizon_year IS NULL THEN NULL
                WHEN t.fiscal_year THEN make_date(t.horizon_year + 1, 3, 31)
                ELSE make_date(t.horizon_year, 12, 31) END AS deadline_end
    FROM targets t
    LEFT JOIN targets s ON s.target_id = t.superseded_by
)
SELECT
    t.target_id,
    t.company,
    t.plan,
    t.metric,
    t.product,
    t.value,
    t.unit,
    t.qualifier,
    t.region,
    t.horizon_year,
    t.fiscal_year,
    t.announced,
    t.announced <= current_date AND (t.superseded_on IS NULL OR t.superseded_on > current_date) AS in_force,
    t.superseded_by,
    t.superseded_on,
    t.superseded_value,
    coalesce(r.independent_sources, 0) AS independent_sources,
    coalesce(p.pages_repeating, 0) AS pages_repeating,
    coalesce(r.stale_repeats, 0) AS stale_repeats,
    coalesce(r.conflicting_sources, 0) AS conflicting_sources,
    r.last_repeated,
    a.value AS latest_actual_value,
    a.actual_year AS latest_actual_year,
    a.reported AS latest_actual_reported,
    a.actual_source AS latest_actual_source,
    a.actual_url AS latest_actual_url,
    a.progress,
    t.deadline_end,
    t.deadline_end IS NOT NULL AND t.deadline_end < current_date AS deadline_passed,
    CASE WHEN t.deadline_end IS NULL OR t.deadline_end >= current_date OR t.value IS NULL THEN NULL
         WHEN t.metric = 'battery_cost' THEN d.lowest <= t.value * 1.01
         ELSE d.highest >= t.value * 0.99 END AS deadline_met,
    t.source_url,
    t.origin
FROM timed t
LEFT JOIN repeats r USING (target_id)
LEFT JOIN repeat_pages p USING (target_id)
LEFT JOIN latest_actual a USING (target_id)
LEFT JOIN deadline_figures d USING (target_id);

-- target_history: every target version in its revision chain.
--   chain_root      the first version of the chain (announced first)
--   chain_position  1 for the original, 2 for its first revision, ...
--   superseded_on   when the next version was announced; next_value its value
-- A version revised from two different earlier targets appears once per chain.
-- Example: SELECT chain_root, chain_position, announced, value, unit, superseded_on
--          FROM target_history WHERE chain_length > 1 ORDER BY chain_root, chain_position;
CREATE OR REPLACE VIEW target_history AS
WITH RECURSIVE chain(chain_root, target_id, chain_position) AS (
    SELECT t.target_id, t.target_id, 1
    FROM targets t
    WHERE NOT EXISTS (SELECT 1 FROM targets p WHERE p.superseded_by = t.target_id)
    UNION ALL
    SELECT c.chain_root, t.superseded_by, c.chain_position + 1
    FROM chain c
    JOIN targets t ON t.target_id = c.target_id
    WHERE t.superseded_by IS NOT NULL AND c.chain_position < 100
)
SELECT
    c.chain_root,
    c.chain_position,
    count(*) OVER (PARTITION BY c.chain_root) AS chain_length,
    t.target_id,
    t.company,
    t.plan,
    t.metric,
    t.product,
    t.region,
    t.horizon_year,
    t.fiscal_year,
    t.value,
    t.unit,
    t.qualifier,
    t.announced,
    t.superseded_by,
    s.announced AS superseded_on,
    s.value AS next_value,
    s.horizon_year AS next_horizon_year,
    t.superseded_by IS NULL AS is_latest
FROM chain c
JOIN targets t ON t.target_id = c.target_id
LEFT JOIN targets s ON s.target_id = t.superseded_by;

-- conflicts: claims that repeat a superseded target or fit targets and agree
-- with none. missed_* is the target the verdict names (for `superseded` the old
-- version the article repeats; for `conflicting` the fitting target, in force if
-- any); in_force_* is the version in force on the article's date.
-- Example: SELECT published, outlet, claimed_value, missed_target_value, in_force_value, evidence
--          FROM conflicts ORDER BY published DESC;
CREATE OR REPLACE VIEW conflicts AS
SELECT
    c.verdict,
    c.published,
    c.outlet,
    c.article_title,
    c.article_url,
    c.dup_group,
    c.company,
    c.metric,
    c.product,
    c.region,
    c.horizon_year,
    c.value AS claimed_value,
    c.unit,
    c.evidence,
    c.target_id AS missed_target_id,
    m.value AS missed_target_value,
    m.announced AS missed_target_announced,
    m.plan AS missed_target_plan,
    v.related_target_id AS in_force_target_id,
    f.value AS in_force_value,
    f.announced AS in_force_announced,
    c.verdict_reason,
    c.claim_id
FROM claim_checks c
JOIN claim_verdicts v USING (claim_id)
LEFT JOIN targets m ON m.target_id = c.target_id
LEFT JOIN targets f ON f.target_id = v.related_target_id
WHERE c.verdict IN ('conflicting', 'superseded');

-- watchlist: claims the rules leave as `unknown`/`unrelated` but that sit next
-- to a stored target: a figure that matches a target under a sibling metric
-- ("1 million electric cars" for a goal of 1 million electrified cars) or a
-- rumour that contradicts the official target. The verdict is unchanged.
-- Example: SELECT published, outlet, kind, metric, claimed_value, related_target_id, related_note
--          FROM watchlist;
CREATE OR REPLACE VIEW watchlist AS
SELECT
    c.verdict,
    c.kind,
    c.published,
    c.outlet,
    c.article_title,
    c.article_url,
    c.company,
    c.metric,
    c.product,
    c.region,
    c.horizon_year,
    c.value AS claimed_value,
    c.unit,
    c.evidence,
    v.related_target_id,
    r.metric AS related_metric,
    r.value AS related_value,
    r.horizon_year AS related_horizon_year,
    v.related_note,
    c.claim_id
FROM claim_checks c
JOIN claim_verdicts v USING (claim_id)
JOIN targets r ON r.target_id = v.related_target_id
WHERE c.verdict IN ('unknown', 'unrelated');
