-- Index the batch's newly placed pages (registered as dedup_new_docs).
INSERT INTO dedup_docs
    (url, doc_id, dup_group, canonical_url, text_hash, published, shingles, sketch_version, indexed_at)
SELECT url, doc_id, dup_group, canonical_url, text_hash, published, shingles, sketch_version, $1
FROM dedup_new_docs;
