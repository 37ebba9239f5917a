-- Judged claims per verdict, most common first.
SELECT verdict, count(*) AS claims
FROM claim_checks
WHERE verdict IS NOT NULL
GROUP BY verdict
ORDER BY claims DESC, verdict
