-- The stored extraction of the page an alias URL points to.
-- $1: list of page URLs.
SELECT * FROM extractions WHERE url IN (SELECT unnest($1::VARCHAR[]));
