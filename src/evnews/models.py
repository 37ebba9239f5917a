"""Records passed between the pipeline's stages.

Every stage is a pure function from one of these frozen records to another;
I/O (HTTP, DuckDB, Prefect) happens only at the edges. Timestamps are UTC.

    FeedSource ──fetch──▶ FeedEntry ──fetch──▶ FetchedPage ──extract──▶ Article
        Article ──dedup──▶ dup_group ──claims──▶ Claim ──compare──▶ ClaimCheck
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# The closed vocabularies of shared/spec/claims.md (kept here so every stage
# validates against one copy).
METRICS: tuple[str, ...] = (
    "ev_model_launches",
    "electrified_model_launches",
    "epower_model_launches",
    "electrified_sales_share",
    "ev_sales_share",
    "electrified_sales_volume",
    "ev_sales_volume",
    "cumulative_sales",
    "market_share",
    "investment",
    "battery_capacity",
    "battery_cost",
    "adas_model_launches",
    "adas_sales_volume",
    "connected_share",
    "technology_launch",
    "production_start",
    "carbon_neutrality",
    "new_model_launches",
    "sales_volume_increase",
    "other",
)
QUALIFIERS: tuple[str, ...] = ("exact", "at_least", "at_most", "approx")
KINDS: tuple[str, ...] = ("target", "actual", "rumor")
VERDICTS: tuple[str, ...] = (
    "consistent",
    "superseded",
    "conflicting",
    "unknown",
    "progress",
    "unrelated",
)


@dataclass(frozen=True, slots=True)
class FeedSource:
    """One feed to watch, from the sources registry (TOML) or `--feed`."""

    url: str
    name: str = ""
    outlet: str = ""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a parsed feed: where the article is and what the feed says of it."""

    feed_url: str
    link: str
    title: str = ""
    published: dt.datetime | None = None  # UTC
    summary: str = ""
    entry_id: str = ""


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """The outcome of fetching one page URL: a body, or an error that says why not."""

    url: str
    final_url: str
    status: int | None
    content_type: str = ""
    body: bytes = b""
    encoding: str | None = None
    fetched_at: dt.datetime | None = None
    error: str | None = None  # operator-readable: what happened and what to do
    error_kind: str | None = None  # "retryable" | "permanent" | None
    error_type: str | None = None  # exception class name, for grouping


@dataclass(frozen=True, slots=True)
class Article:
    """Main text and metadata of one fetched page, as extraction found them."""

    url: str
    canonical_url: str
    title: str
    body_text: str
    published: dt.date | None
    published_source: str = ""  # which evidence gave the date: feed, json-ld, meta, htmldate, byline
    outlet: str = ""
    author: str = ""
    language: str = ""
    is_partial: bool = False
    text_hash: str = ""  # hash of the normalised body text, for exact-copy dedup


@dataclass(frozen=True, slots=True)
class Claim:
    """One number an article puts on a company's EV plans or results (claims.md)."""

    company: str
    metric: str
    kind: str
    evidence: str
    value: float | None = None
    unit: str | None = None
    qualifier: str = "exact"
    region: str = "global"
    horizon_year: int | None = None
    fiscal_year: bool = False
    product: str | None = None
    sentence_index: int = 0  # position of the evidence sentence in the body


@dataclass(frozen=True, slots=True)
class Target:
    """One row of the Nissan target registry, versioned through `superseded_by`."""

    target_id: str
    company: str
    plan: str
    announced: dt.date
    metric: str
    product: str | None
    value: float | None
    unit: str | None
    qualifier: str
    region: str
    horizon_year: int | None
    fiscal_year: bool
    superseded_by: str | None = None
    source_url: str = ""
    origin: str = ""  # the file (and row) the target came from


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    """A claim's verdict against the registry on its article's date."""

    verdict: str
    target_id: str | None = None
    progress: float | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class RunCounts:
    """What one pipeline run did, stage by stage (stored in `runs`)."""

    counts: dict[str, int] = field(default_factory=dict)
    durations: dict[str, float] = field(default_factory=dict)
