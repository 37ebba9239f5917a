-- Per-target status for reports and the Prefect artifact: targets in force first,
-- then by company, metric, region and deadline.
SELECT target_id, company, plan, metric, product, value, unit, qualifier, region,
       horizon_year, fiscal_year, announced, in_force, superseded_by, superseded_on,
       independent_sources, pages_repeating, stale_repeats, conflicting_sources,
       latest_actual_value, latest_actual_year, latest_actual_source, progress,
       deadline_passed, deadline_met
FROM target_status
ORDER BY in_force DESC, company DESC, metric, region, horizon_year NULLS LAST, announced, target_id
