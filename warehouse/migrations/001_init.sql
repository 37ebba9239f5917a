-- 001_init: the warehouse's base tables.
-- Contract (see src/evnews/store/migrate.py): migrations run in file-name order,
-- each inside one transaction, and are recorded in schema_migrations with a
-- checksum; an applied migration is never edited, a change is a new file.
-- All timestamps are UTC (TIMESTAMP without zone, written as UTC).

CREATE TABLE IF NOT EXISTS sources (
    feed_url      VARCHAR PRIMARY KEY,
    name          VARCHAR,
    outlet        VARCHAR,
    first_seen_at TIMESTAMP NOT NULL
);

-- Conditional-GET validators and health of each feed.
CREATE TABLE IF NOT EXISTS feed_state (
    feed_url              VARCHAR PRIMARY KEY,
    etag                  VARCHAR,
    last_modified         VARCHAR,
    body_hash             VARCHAR,
    last_checked_at       TIMESTAMP,
    last_status           INTEGER,
    last_success_at       TIMESTAMP,
    last_error            VARCHAR,
    last_error_at         TIMESTAMP,
    consecutive_failures  INTEGER NOT NULL DEFAULT 0,
    entries_seen          INTEGER NOT NULL DEFAULT 0,
    new_entries           INTEGER NOT NULL DEFAULT 0,
    next_fetch_at         TIMESTAMP
);

CREATE TABLE IF NOT EXISTS feed_entries (
    feed_url      VARCHAR NOT NULL,
    link          VARCHAR NOT NULL,
    canonical_url VARCHAR NOT NULL,
    title         VARCHAR,
    published     TIMESTAMP,
    summary       VARCHAR,
    entry_id      VARCHAR,
    first_seen_at TIMESTAMP NOT NULL,
    PRIMARY KEY (feed_url, link)
);

-- One row per page URL we tried: fetched, failed (with its error) or skipped.
CREATE TABLE IF NOT EXISTS pages (
    url             VARCHAR PRIMARY KEY,
    canonical_url   VARCHAR NOT NULL,
    final_url       VARCHAR,
    status          INTEGER,
    content_type    VARCHAR,
    state           VARCHAR NOT NULL,     -- fetched | failed | skipped | alias (same canonical URL as a stored page, not fetched again)
    body            BLOB,                 -- zlib-compressed bytes as served (capped), for re-extraction
    body_bytes      INTEGER,
    encoding        VARCHAR,
    fetched_at      TIMESTAMP,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP,
    error           VARCHAR,
    error_kind      VARCHAR,
    first_seen_at   TIMESTAMP NOT NULL
);

-- What extraction found in a fetched page (one row per page URL).
CREATE TABLE IF NOT EXISTS extractions (
    url               VARCHAR PRIMARY KEY,
    canonical_url     VARCHAR NOT NULL,
    title             VARCHAR,
    body_text         VARCHAR,
    published         DATE,
    published_source  VARCHAR,
    outlet            VARCHAR,
    author            VARCHAR,
    language          VARCHAR,
    is_partial        BOOLEAN NOT NULL DEFAULT FALSE,
    text_hash         VARCHAR,
    extractor_version VARCHAR,
    extracted_at      TIMESTAMP NOT NULL
);

-- Duplicate groups: every extracted page belongs to exactly one group.
CREATE TABLE IF NOT EXISTS dup_members (
    url         VARCHAR PRIMARY KEY,
    dup_group   VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,   -- first | canonical_url | text_hash | near_copy
    similarity  DOUBLE,
    assigned_at TIMESTAMP NOT NULL
);

-- Claims, stored once per duplicate group on the group's first page.
CREATE TABLE IF NOT EXISTS extracted_claims (
    claim_id          VARCHAR PRIMARY KEY,  -- content hash: repeatable upserts
    page_url          VARCHAR NOT NULL,     -- pages.url of the group's first page
    article_url       VARCHAR NOT NULL,     -- its canonical URL (the public column)
    dup_group         VARCHAR NOT NULL,
    company           VARCHAR NOT NULL,
    product           VARCHAR,
    metric            VARCHAR NOT NULL,
    value             DOUBLE,
    unit              VARCHAR,
    qualifier         VARCHAR NOT NULL,
    region            VARCHAR NOT NULL,
    horizon_year      INTEGER,
    fiscal_year       BOOLEAN NOT NULL,
    kind              VARCHAR NOT NULL,
    evidence          VARCHAR NOT NULL,
    sentence_index    INTEGER,
    extractor_version VARCHAR NOT NULL,
    extracted_at      TIMESTAMP NOT NULL
);

-- Articles whose claims are current for an extractor version (so reruns skip them).
CREATE TABLE IF NOT EXISTS claim_runs (
    url               VARCHAR PRIMARY KEY,
    extractor_version VARCHAR NOT NULL,
    claims            INTEGER NOT NULL,
    extracted_at      TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS targets (
    target_id     VARCHAR PRIMARY KEY,
    company       VARCHAR NOT NULL,
    plan          VARCHAR,
    announced     DATE NOT NULL,
    metric        VARCHAR NOT NULL,
    product       VARCHAR,
    value         DOUBLE,
    unit          VARCHAR,
    qualifier     VARCHAR NOT NULL,
    region        VARCHAR NOT NULL,
    horizon_year  INTEGER,
    fiscal_year   BOOLEAN NOT NULL,
    superseded_by VARCHAR,
    source_url    VARCHAR,
    origin        VARCHAR
);

CREATE TABLE IF NOT EXISTS claim_verdicts (
    claim_id   VARCHAR PRIMARY KEY,
    verdict    VARCHAR NOT NULL,
    target_id  VARCHAR,
    progress   DOUBLE,
    reason     VARCHAR,
    checked_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    run_id      VARCHAR PRIMARY KEY,
    flow        VARCHAR NOT NULL,
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status      VARCHAR NOT NULL,   -- running | completed | failed
    counts      JSON,
    durations   JSON,
    errors      INTEGER NOT NULL DEFAULT 0,
    message     VARCHAR
);

CREATE TABLE IF NOT EXISTS errors (
    error_id    VARCHAR PRIMARY KEY,
    run_id      VARCHAR,
    stage       VARCHAR NOT NULL,   -- feed | page | extract | dedup | claims | compare | load
    url         VARCHAR,
    error_kind  VARCHAR NOT NULL,   -- retryable | permanent | systemic | warning (e.g. a malformed but readable feed)
    error_type  VARCHAR,
    message     VARCHAR NOT NULL,
    hint        VARCHAR,
    occurred_at TIMESTAMP NOT NULL
);
