-- The most recent judged claims about Nissan or the Alliance.
SELECT published, outlet, article_title, article_url, company, metric, product, value, unit,
       region, horizon_year, kind, verdict, target_id, progress, evidence
FROM claim_checks
WHERE company IN ('Nissan', 'Alliance')
ORDER BY published DESC NULLS LAST, article_url, evidence
LIMIT $limit
