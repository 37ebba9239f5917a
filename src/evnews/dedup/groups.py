"""Placing articles into duplicate groups.

The order of evidence and the rules live here; the index they consult is
`evnews.dedup.index`. Pages of one batch are compared with each other in
memory through the same band keys as the warehouse uses.

Runs inside the caller's transaction: it never begins or commits one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import duckdb
import numpy as np
import numpy.typing as npt
import pyarrow as pa

from evnews.dedup.index import (
    PageSketch,
    TextSketch,
    fetch_docs,
    key_matches,
    known_members,
    registered,
    sketch_page,
    sketch_text,
    stored_matches,
    write_pages,
)
from evnews.dedup.sketch import MIN_SHINGLES, SAME_URL_MIN_SIMILARITY, THRESHOLD, jaccard, jaccard_many
from evnews.models import Article

REASONS: tuple[str, ...] = ("first", "canonical_url", "text_hash", "near_copy")


@dataclass(frozen=True, slots=True)
class GroupDecision:
    """Which group a page joined and why (`similarity`: Jaccard for text reasons)."""

    url: str
    dup_group: str
    reason: str
    similarity: float | None = None


def group_id(canonical: str) -> str:
    """A group's stable id: derived from its first page's canonical URL."""
    return "g" + hashlib.blake2b(canonical.encode("utf-8"), digest_size=8).hexdigest()


@dataclass(frozen=True, slots=True)
class _Stored:
    """What the warehouse already holds that bears on one new page."""

    url_group: str | None = None  # group of the earliest page with the same canonical URL
    url_shingles: npt.NDArray[np.uint32] | None = None  # that page's shingles, if indexed
    text_group: str | None = None  # group of the earliest page with the same text hash
    near: tuple[str, float] | None = None  # most similar LSH candidate: group, Jaccard


class _BatchState:
    """What the pages placed so far in this batch look like, for in-batch copies."""

    def __init__(self) -> None:
        self.by_url: dict[str, tuple[str, PageSketch]] = {}
        self.by_hash: dict[str, str] = {}
        self.buckets: dict[tuple[int, int], list[int]] = defaultdict(list)
        self.indexed: dict[int, tuple[PageSketch, str]] = {}

    def add(self, pos: int, page: PageSketch, group: str, index_bands: bool) -> None:
        if page.canonical_url:
            self.by_url.setdefault(page.canonical_url, (group, page))
        if page.text_hash:
            self.by_hash.setdefault(page.text_hash, group)
        if index_bands and page.keys is not None:
            self.indexed[pos] = (page, group)
            for band, key in enumerate(page.keys.tolist()):
                self.buckets[(band, key)].append(pos)

    def best_match(self, page: PageSketch) -> tuple[str, float] | None:
        if page.keys is None:
            return None
        seen = sorted({pos for band, key in enumerate(page.keys.tolist()) for pos in self.buckets.get((band, key), ())})
        if not seen:
            return None
        similarities = jaccard_many(page.shingles, [self.indexed[pos][0].shingles for pos in seen])
        top = int(np.argmax(similarities))  # the first (earliest placed) of equals
        return self.indexed[seen[top]][1], float(similarities[top])


def _plainly_different(a: npt.NDArray[np.uint32], b: npt.NDArray[np.uint32] | None) -> bool:
    """Two texts long enough to judge that share almost nothing: different stories."""
    if b is None or a.size < MIN_SHINGLES or b.size < MIN_SHINGLES:
        return False
    return jaccard(a, b) < SAME_URL_MIN_SIMILARITY


def _url_evidence(page: PageSketch, stored: _Stored, batch: _BatchState) -> tuple[str | None, bool]:
    """(group of an earlier page with this canonical URL, whether the URL was overruled by the texts)."""
    if not page.canonical_url:
        return None, False
    if stored.url_group:
        group, other = stored.url_group, stored.url_shingles
    elif page.canonical_url in batch.by_url:
        group, earlier = batch.by_url[page.canonical_url]
        other = earlier.shingles
    else:
        return None, False
    # a template that declares one canonical for every page of a section must not merge its stories
    if _plainly_different(page.shingles, other):
        return None, True
    return group, False


def _decide(page: PageSketch, stored: _Stored, batch: _BatchState) -> GroupDecision:
    url_group, url_overruled = _url_evidence(page, stored, batch)
    if url_group:
        return GroupDecision(page.url, url_group, "canonical_url")
    text_group = (stored.text_group or batch.by_hash.get(page.text_hash)) if page.text_hash else None
    if text_group:
        return GroupDecision(page.url, text_group, "text_hash", 1.0)
    options = [m for m in (stored.near, batch.best_match(page)) if m is not None and m[1] >= THRESHOLD]
    if options:
        group, similarity = max(options, key=lambda m: m[1])  # stored first on a tie: max keeps the first
        return GroupDecision(page.url, group, "near_copy", round(similarity, 4))
    # the canonical URL's id is taken when the texts overruled it: the page's own URL is unique
    return GroupDecision(page.url, group_id(page.url if url_overruled else page.canonical_url), "first")


def _stored_evidence(
    con: duckdb.DuckDBPyConnection,
    pages: Sequence[PageSketch],
    known: dict[str, tuple[str, str, float | None]],
    by_key: dict[int, tuple[str | None, int | None, str | None]],
) -> dict[int, _Stored]:
    """Per batch position of a new page: what the warehouse says about it."""
    new = [pos for pos, page in enumerate(pages) if page.url not in known]
    near_by_new = stored_matches(con, [pages[pos] for pos in new]) if new else {}
    url_docs = [doc for pos in new if (doc := by_key.get(pos, (None, None, None))[1]) is not None]
    url_shingles = fetch_docs(con, pa.array(url_docs, type=pa.uint64())) if url_docs else {}
    out = {}
    for rank, pos in enumerate(new):
        url_group, url_doc, text_group = by_key.get(pos, (None, None, None))
        doc = url_shingles.get(url_doc) if url_doc is not None else None
        out[pos] = _Stored(url_group, doc[0] if doc else None, text_group, near_by_new.get(rank))
    return out


def _sketch_pages(articles: Iterable[Article], texts: Mapping[str, TextSketch]) -> list[PageSketch]:
    """One sketch per article, each distinct text normalised once (aliases of a page share its text)."""
    made: dict[str, TextSketch] = dict(texts)
    pages = []
    for article in articles:
        text = made.get(article.body_text)
        if text is None:
            text = made[article.body_text] = sketch_text(article.body_text)
        pages.append(sketch_page(article, text))
    return pages


def assign_groups(
    con: duckdb.DuckDBPyConnection,
    articles: Sequence[Article],
    *,
    seen_at: dt.datetime,
    texts: Mapping[str, TextSketch] | None = None,
) -> list[GroupDecision]:
    """Put each article into a duplicate group and record it; one decision per distinct URL, in input order.

    Order of evidence: same canonical URL, then same normalised text, then a
    near-copy (Jaccard of word shingles >= THRESHOLD) found through the LSH
    index; otherwise the page starts a new group. A page placed before keeps
    its group (the call is idempotent). Must run inside the caller's transaction.
    `texts`: sketches the caller already made, by body text (`sketch_text`).
    """
    first_by_url: dict[str, Article] = {}
    for article in articles:
        first_by_url.setdefault(article.url, article)
    pages = _sketch_pages(first_by_url.values(), texts or {})
    batch_table = pa.table(
        {
            "idx": pa.array(range(len(pages)), type=pa.int32()),
            "url": [p.url for p in pages],
            "canonical_url": [p.canonical_url for p in pages],
            "text_hash": [p.text_hash for p in pages],
        }
    )
    with registered(con, "dedup_batch", batch_table):
        known = known_members(con)
        by_key = key_matches(con)
    stored = _stored_evidence(con, pages, known, by_key)
    batch = _BatchState()
    decisions: list[GroupDecision] = []
    placed: list[tuple[PageSketch, GroupDecision, bool]] = []
    for pos, page in enumerate(pages):
        if page.url in known:
            decisions.append(GroupDecision(page.url, *known[page.url]))
            continue
        decision = _decide(page, stored[pos], batch)
        # a page whose exact text is already indexed adds no new band keys
        index_bands = decision.reason != "text_hash" and page.keys is not None
        batch.add(pos, page, decision.dup_group, index_bands)
        decisions.append(decision)
        placed.append((page, decision, index_bands))
    write_pages(con, placed, seen_at)
    return decisions
