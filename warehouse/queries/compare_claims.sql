-- Every stored claim with its article date, for judging (compare.run_compare).
-- No evidence and no ORDER BY: verdicts never read the sentence, and rows are
-- keyed by claim_id, so the result can stream in batches instead of being
-- materialised whole (~80 MB on a 20k-article warehouse).
SELECT claim_id, company, product, metric, value, unit, qualifier, region,
       horizon_year, fiscal_year, kind, published
FROM claims
