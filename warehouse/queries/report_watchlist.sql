-- Claims worth a second look (see the watchlist view), newest first.
SELECT verdict, kind, published, outlet, article_title, article_url, metric, product, region,
       horizon_year, claimed_value, unit, evidence, related_target_id, related_metric,
       related_value, related_horizon_year, related_note
FROM watchlist
ORDER BY published DESC NULLS LAST, article_url
