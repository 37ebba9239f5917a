-- For each page of the batch: the group (and doc_id) of the earliest indexed
-- page with the same canonical URL, and the group of the earliest with the
-- same text hash.
SELECT
    b.idx,
    u.dup_group AS url_group,
    u.doc_id AS url_doc,
    t.dup_group AS text_group
FROM dedup_batch b
LEFT JOIN (
    SELECT canonical_url, arg_min(dup_group, indexed_at) AS dup_group, arg_min(doc_id, indexed_at) AS doc_id
    FROM dedup_docs
    WHERE canonical_url IN (SELECT canonical_url FROM dedup_batch WHERE canonical_url <> '')
    GROUP BY canonical_url
) u USING (canonical_url)
LEFT JOIN (
    SELECT text_hash, arg_min(dup_group, indexed_at) AS dup_group
    FROM dedup_docs
    WHERE text_hash IN (SELECT text_hash FROM dedup_batch WHERE text_hash <> '')
    GROUP BY text_hash
) t USING (text_hash);
