-- Stored verdicts by kind, for a run's counts.
SELECT verdict, count(*) FROM claim_verdicts GROUP BY verdict ORDER BY verdict;
