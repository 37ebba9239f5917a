-- Every stored claim with its article date, for judging (compare.run_compare).
SELECT claim_id, company, product, metric, value, unit, qualifier, region,
       horizon_year, fiscal_year, kind, evidence, published
FROM claims
ORDER BY claim_id
