-- Register the feeds of a run (batch: feed_url, name, outlet, first_seen_at).
INSERT INTO sources BY NAME SELECT * FROM batch
ON CONFLICT (feed_url) DO UPDATE SET
    name = coalesce(nullif(excluded.name, ''), sources.name),
    outlet = coalesce(nullif(excluded.outlet, ''), sources.outlet);
