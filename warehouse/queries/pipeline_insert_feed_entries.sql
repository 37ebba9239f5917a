-- Feed entries seen for the first time (an entry already stored keeps its first_seen_at).
INSERT INTO feed_entries BY NAME SELECT * FROM batch
ON CONFLICT (feed_url, link) DO NOTHING;
