-- Replace the state of the feeds checked in this run (batch has every feed_state column).
INSERT OR REPLACE INTO feed_state BY NAME SELECT * FROM batch;
