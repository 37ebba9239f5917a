-- Page URLs already stored, by canonical URL, with what a new run should do about them.
-- $1: list of canonical URLs seen in this run's feeds.
SELECT canonical_url, url, state, attempts, next_attempt_at
FROM pages
WHERE canonical_url IN (SELECT unnest($1::VARCHAR[]));
