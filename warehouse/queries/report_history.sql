-- Revision chains with more than one version, for the timeline chart.
SELECT chain_root, chain_position, target_id, company, metric, product, region, horizon_year, fiscal_year,
       value, unit, announced, superseded_on, is_latest
FROM target_history
WHERE chain_length > 1
ORDER BY chain_root, chain_position
