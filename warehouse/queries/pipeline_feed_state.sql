-- Stored validators and health of the feeds a run is about to check.
-- $1: list of feed URLs.
SELECT feed_url, etag, last_modified, body_hash, consecutive_failures, next_fetch_at,
       entries_seen
FROM feed_state
WHERE feed_url IN (SELECT unnest($1::VARCHAR[]));
