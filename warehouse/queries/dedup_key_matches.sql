-- For each page of the batch, the group of an earlier page with the same
-- canonical URL and the group of one with the same text hash (earliest indexed wins).
SELECT
    b.idx,
    (SELECT arg_min(d.dup_group, d.indexed_at) FROM dedup_docs d
      WHERE b.canonical_url <> '' AND d.canonical_url = b.canonical_url) AS url_group,
    (SELECT arg_min(d.dup_group, d.indexed_at) FROM dedup_docs d
      WHERE b.text_hash <> '' AND d.text_hash = b.text_hash) AS text_group
FROM dedup_batch b;
