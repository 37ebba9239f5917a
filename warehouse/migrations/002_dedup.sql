-- 002_dedup: the near-copy index kept in the warehouse, so that a new page is
-- compared with earlier pages through their LSH band keys, never with all of
-- them, and the index outlives the process (see src/evnews/dedup).

-- Every page dedup has placed, with what identifies it as a copy.
CREATE TABLE IF NOT EXISTS dedup_docs (
    url            VARCHAR PRIMARY KEY,
    doc_id         UBIGINT NOT NULL,     -- 64-bit hash of url: the compact key dedup_bands refers to
    dup_group      VARCHAR NOT NULL,
    canonical_url  VARCHAR NOT NULL,
    text_hash      VARCHAR,              -- '' when the text has no words
    published      DATE,
    shingles       UINTEGER[],           -- sorted word-shingle hashes; NULL when not in the band index
    sketch_version VARCHAR,              -- parameters the bands were computed with
    indexed_at     TIMESTAMP NOT NULL
);

-- LSH: one row per (page, band); pages sharing a (band, band_key) are candidates.
CREATE TABLE IF NOT EXISTS dedup_bands (
    band     UTINYINT NOT NULL,
    band_key UBIGINT NOT NULL,
    doc_id   UBIGINT NOT NULL
);
