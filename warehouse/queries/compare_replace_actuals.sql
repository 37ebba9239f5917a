-- Replace the stored actuals with the ones just loaded (registered as new_actuals).
DELETE FROM actuals;
INSERT INTO actuals (actual_id, company, reported, metric, product, value, unit, qualifier,
                     region, horizon_year, fiscal_year, source_url, origin, target_id, progress)
SELECT actual_id, company, reported, metric, product, value, unit, qualifier,
       region, horizon_year, fiscal_year, source_url, origin, target_id, progress
FROM new_actuals;
