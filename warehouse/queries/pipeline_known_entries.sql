-- Entry links already stored for the given feeds. $1: list of feed URLs.
SELECT feed_url, link FROM feed_entries WHERE feed_url IN (SELECT unnest($1::VARCHAR[]));
