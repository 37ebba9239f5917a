-- Replace the stored registry with the one just loaded (registered as new_targets).
DELETE FROM targets;
INSERT INTO targets (target_id, company, plan, announced, metric, product, value, unit,
                     qualifier, region, horizon_year, fiscal_year, superseded_by, source_url, origin)
SELECT target_id, company, plan, announced, metric, product, value, unit,
       qualifier, region, horizon_year, fiscal_year, superseded_by, source_url, origin
FROM new_targets;
