-- Outcome of fetching pages (batch: every pages column). A page keeps the
-- first_seen_at of its first attempt; attempts accumulate across runs.
INSERT INTO pages BY NAME SELECT * FROM batch
ON CONFLICT (url) DO UPDATE SET
    canonical_url = excluded.canonical_url,
    final_url = excluded.final_url,
    status = excluded.status,
    content_type = excluded.content_type,
    state = excluded.state,
    body = excluded.body,
    body_bytes = excluded.body_bytes,
    encoding = excluded.encoding,
    fetched_at = excluded.fetched_at,
    attempts = pages.attempts + excluded.attempts,
    next_attempt_at = excluded.next_attempt_at,
    error = excluded.error,
    error_kind = excluded.error_kind;
