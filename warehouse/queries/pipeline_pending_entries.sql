-- Entries of the given feeds, stored by earlier runs, whose link has no page
-- row yet (a run was killed between storing the entries and their pages) or
-- whose page failed and is due for another attempt. Feeds that answer 304 do
-- not list them again, so without this they would be lost.
-- $1: max attempts per page, $2: now (UTC), $3: list of feed URLs.
SELECT e.feed_url, e.link, e.title, e.published, e.summary, e.entry_id
FROM feed_entries e
WHERE e.feed_url IN (SELECT unnest($3::VARCHAR[]))
  AND NOT EXISTS (
    SELECT 1 FROM pages p
    WHERE p.url = e.link
      AND (p.state <> 'failed' OR p.attempts >= $1 OR p.next_attempt_at > $2)
);
