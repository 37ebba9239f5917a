-- Conflicting and superseded claims, newest first, for the reports.
SELECT verdict, published, outlet, article_title, article_url, metric, product, region,
       horizon_year, claimed_value, unit, evidence, missed_target_id, missed_target_value,
       missed_target_announced, in_force_target_id, in_force_value, verdict_reason
FROM conflicts
ORDER BY published DESC NULLS LAST, article_url, missed_target_id
