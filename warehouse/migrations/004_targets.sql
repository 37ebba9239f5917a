-- 004_targets: reported actuals from the registry, and context for verdicts.
-- `actuals` mirrors warehouse/actuals.csv (+ user files) and is rewritten by
-- every compare run, with the target each actual counts towards (the same
-- progress rule as an `actual` claim, on the date the figure was reported).

CREATE TABLE IF NOT EXISTS actuals (
    actual_id    VARCHAR PRIMARY KEY,
    company      VARCHAR NOT NULL,
    reported     DATE NOT NULL,
    metric       VARCHAR NOT NULL,
    product      VARCHAR,
    value        DOUBLE,
    unit         VARCHAR,
    qualifier    VARCHAR NOT NULL,
    region       VARCHAR NOT NULL,
    horizon_year INTEGER,            -- the year the figure refers to
    fiscal_year  BOOLEAN NOT NULL,
    source_url   VARCHAR,
    origin       VARCHAR,
    target_id    VARCHAR,            -- target in force when reported (progress rule), if any
    progress     DOUBLE              -- value / that target's value
);

-- A target shown beside a verdict without changing it: for superseded and
-- conflicting claims the version in force on the article date; for unknown
-- claims a same-value target under a sibling metric; for rumours the official
-- target they contradict. `related_note` says which.
ALTER TABLE claim_verdicts ADD COLUMN IF NOT EXISTS related_target_id VARCHAR;
ALTER TABLE claim_verdicts ADD COLUMN IF NOT EXISTS related_note VARCHAR;
