"""Placing articles into duplicate groups, against the index kept in DuckDB.

A batch is handled with a fixed number of queries, whatever its size: its
pages' URLs, hashes and band keys are registered with DuckDB as Arrow tables
and joined with the index (`dedup_docs`, `dedup_bands`), so the cost of a page
depends on how many earlier pages share a band key with it, not on how many
pages the warehouse holds. Pages of the same batch are compared with each
other in memory through the same band keys.

Runs inside the caller's transaction: it never begins or commits one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from evnews.dedup.sketch import BANDS, MIN_SHINGLES, SKETCH_VERSION, THRESHOLD, band_keys, jaccard, signature
from evnews.dedup.text import normal_hash, normalise_text, shingle_hashes
from evnews.dedup.urls import canonical_url
from evnews.models import Article
from evnews.store.db import query

REASONS: tuple[str, ...] = ("first", "canonical_url", "text_hash", "near_copy")


@dataclass(frozen=True, slots=True)
class GroupDecision:
    """Which group a page joined and why (`similarity`: Jaccard for text reasons)."""

    url: str
    dup_group: str
    reason: str
    similarity: float | None = None


@dataclass(frozen=True, slots=True)
class _Page:
    """What dedup needs of one article, computed once."""

    url: str
    canonical_url: str
    text_hash: str
    published: dt.date | None
    shingles: npt.NDArray[np.uint32]
    keys: npt.NDArray[np.uint64] | None  # None: too short for near-copy matching

    @property
    def doc_id(self) -> int:
        return _hash64(self.url)


def _hash64(value: str) -> int:
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest(), "little")


def group_id(canonical: str) -> str:
    """A group's stable id: derived from its first page's canonical URL."""
    return "g" + hashlib.blake2b(canonical.encode("utf-8"), digest_size=8).hexdigest()


def page_features(article: Article) -> _Page:
    normal = normalise_text(article.body_text)
    shingles = shingle_hashes(normal)
    keys = band_keys(signature(shingles)) if shingles.size >= MIN_SHINGLES else None
    return _Page(
        url=article.url,
        canonical_url=canonical_url(article.canonical_url or article.url),
        text_hash=normal_hash(normal),
        published=article.published,
        shingles=shingles,
        keys=keys,
    )


@contextmanager
def _registered(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[None]:
    con.register(name, table)
    try:
        yield
    finally:
        con.unregister(name)


def _list_column(arrays: Sequence[npt.NDArray[np.uint32] | None]) -> pa.Array:
    """A list<uint32> Arrow column (null where the array is None) built without Python loops per value."""
    lengths = np.array([0 if a is None else a.size for a in arrays], dtype=np.int32)
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int32)
    present = [a for a in arrays if a is not None]
    values = np.concatenate(present) if present else np.empty(0, dtype=np.uint32)
    mask = pa.array([a is None for a in arrays])
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(values, type=pa.uint32()), mask=mask)


class _BatchState:
    """What the pages placed so far in this batch look like, for in-batch copies."""

    def __init__(self) -> None:
        self.by_url: dict[str, str] = {}
        self.by_hash: dict[str, str] = {}
        self.buckets: dict[tuple[int, int], list[int]] = defaultdict(list)
        self.indexed: dict[int, tuple[_Page, str]] = {}

    def add(self, pos: int, page: _Page, group: str, index_bands: bool) -> None:
        if page.canonical_url:
            self.by_url.setdefault(page.canonical_url, group)
        if page.text_hash:
            self.by_hash.setdefault(page.text_hash, group)
        if index_bands and page.keys is not None:
            self.indexed[pos] = (page, group)
            for band, key in enumerate(page.keys.tolist()):
                self.buckets[(band, key)].append(pos)

    def best_match(self, page: _Page) -> tuple[str, float] | None:
        if page.keys is None:
            return None
        seen = {pos for band, key in enumerate(page.keys.tolist()) for pos in self.buckets.get((band, key), ())}
        scored = [(jaccard(page.shingles, self.indexed[pos][0].shingles), pos) for pos in seen]
        if not scored:
            return None
        similarity, pos = max(scored, key=lambda s: (s[0], -s[1]))
        return self.indexed[pos][1], similarity


def _known_members(con: duckdb.DuckDBPyConnection) -> dict[str, GroupDecision]:
    rows = con.execute(query("dedup_known_members")).fetchall()
    return {url: GroupDecision(url, group, reason, similarity) for url, group, reason, similarity in rows}


def _key_matches(con: duckdb.DuckDBPyConnection) -> dict[int, tuple[str | None, str | None]]:
    rows = con.execute(query("dedup_key_matches")).fetchall()
    return {idx: (url_group, text_group) for idx, url_group, text_group in rows}


def _stored_matches(con: duckdb.DuckDBPyConnection, pages: Sequence[_Page]) -> dict[int, tuple[str, float]]:
    """For each batch position, the most similar earlier page (its group, Jaccard) among LSH candidates."""
    with_keys = [(pos, p.keys) for pos, p in enumerate(pages) if p.keys is not None]
    if not with_keys:
        return {}
    probe = pa.table(
        {
            "idx": np.repeat([pos for pos, _ in with_keys], BANDS).astype(np.int32),
            "band_key": np.concatenate([keys for _, keys in with_keys]),
        }
    )
    with _registered(con, "dedup_batch_bands", probe):
        pairs = con.sql(query("dedup_candidates")).to_arrow_table()
    if pairs.num_rows == 0:
        return {}
    candidate_ids = pa.table({"doc_id": pc.unique(pairs.column("doc_id"))})
    with _registered(con, "dedup_candidate_ids", candidate_ids):
        docs = con.sql(query("dedup_candidate_shingles"), params=[SKETCH_VERSION]).to_arrow_table()
    lists = docs.column("shingles").combine_chunks()
    offsets, values = lists.offsets.to_numpy(), lists.values.to_numpy()
    row_of = {doc_id: row for row, doc_id in enumerate(docs.column("doc_id").to_pylist())}
    groups, indexed = docs.column("dup_group").to_pylist(), docs.column("indexed_at").to_pylist()
    best: dict[int, tuple[float, dt.datetime, str]] = {}
    for idx, doc_id in zip(pairs.column("idx").to_pylist(), pairs.column("doc_id").to_pylist()):
        row = row_of.get(doc_id)
        if row is None:  # indexed with other parameters: its band keys are not comparable
            continue
        similarity = jaccard(pages[idx].shingles, values[offsets[row] : offsets[row + 1]])
        current = best.get(idx)
        # the most similar page wins; on a tie, the one indexed first (its group is older)
        if current is None or similarity > current[0] or (similarity == current[0] and indexed[row] < current[1]):
            best[idx] = (similarity, indexed[row], groups[row])
    return {idx: (group, similarity) for idx, (similarity, _, group) in best.items()}


def _decide(
    page: _Page,
    stored: tuple[str | None, str | None],
    stored_near: tuple[str, float] | None,
    batch: _BatchState,
) -> GroupDecision:
    url_group = (stored[0] or batch.by_url.get(page.canonical_url)) if page.canonical_url else None
    if url_group:
        return GroupDecision(page.url, url_group, "canonical_url")
    text_group = (stored[1] or batch.by_hash.get(page.text_hash)) if page.text_hash else None
    if text_group:
        return GroupDecision(page.url, text_group, "text_hash", 1.0)
    options = [m for m in (stored_near, batch.best_match(page)) if m is not None and m[1] >= THRESHOLD]
    if options:
        group, similarity = max(options, key=lambda m: m[1])  # stored first on a tie: max keeps the first
        return GroupDecision(page.url, group, "near_copy", round(similarity, 4))
    return GroupDecision(page.url, group_id(page.canonical_url), "first")


def _band_table(banded: Sequence[tuple[int, npt.NDArray[np.uint64]]]) -> pa.Table:
    """Rows of dedup_bands for pages given as (doc_id, band keys)."""
    return pa.table(
        {
            "band": np.tile(np.arange(BANDS, dtype=np.uint8), len(banded)),
            "band_key": np.concatenate([keys for _, keys in banded]) if banded else np.empty(0, np.uint64),
            "doc_id": np.repeat(np.array([doc_id for doc_id, _ in banded], dtype=np.uint64), BANDS),
        }
    )


def _write(
    con: duckdb.DuckDBPyConnection,
    placed: Sequence[tuple[_Page, GroupDecision, bool]],
    seen_at: dt.datetime,
) -> None:
    """Insert the newly placed pages into dedup_docs, dedup_bands and dup_members."""
    if not placed:
        return
    indexed = [(page, index) for page, _, index in placed]
    docs = pa.table(
        {
            "url": [p.url for p, _, _ in placed],
            "doc_id": pa.array([p.doc_id for p, _, _ in placed], type=pa.uint64()),
            "dup_group": [d.dup_group for _, d, _ in placed],
            "canonical_url": [p.canonical_url for p, _, _ in placed],
            "text_hash": [p.text_hash for p, _, _ in placed],
            "published": pa.array([p.published for p, _, _ in placed], type=pa.date32()),
            "shingles": _list_column([p.shingles if index else None for p, index in indexed]),
            "sketch_version": [SKETCH_VERSION if index else None for _, index in indexed],
            "reason": [d.reason for _, d, _ in placed],
            "similarity": pa.array([d.similarity for _, d, _ in placed], type=pa.float64()),
        }
    )
    bands = _band_table([(p.doc_id, p.keys) for p, index in indexed if index and p.keys is not None])
    with _registered(con, "dedup_new_docs", docs), _registered(con, "dedup_new_bands", bands):
        con.execute(query("dedup_insert_docs"), [seen_at])
        con.execute(query("dedup_insert_bands"))
        con.execute(query("dedup_insert_members"), [seen_at])


def assign_groups(
    con: duckdb.DuckDBPyConnection,
    articles: Sequence[Article],
    *,
    seen_at: dt.datetime,
) -> list[GroupDecision]:
    """Put each article into a duplicate group and record it; one decision per distinct URL, in input order.

    Order of evidence: same canonical URL, then same normalised text, then a
    near-copy (Jaccard of word shingles >= THRESHOLD) found through the LSH
    index; otherwise the page starts a new group. A page placed before keeps
    its group (the call is idempotent). Must run inside the caller's transaction.
    """
    first_by_url: dict[str, Article] = {}
    for article in articles:
        first_by_url.setdefault(article.url, article)
    pages = [page_features(a) for a in first_by_url.values()]
    batch_table = pa.table(
        {
            "idx": pa.array(range(len(pages)), type=pa.int32()),
            "url": [p.url for p in pages],
            "canonical_url": [p.canonical_url for p in pages],
            "text_hash": [p.text_hash for p in pages],
        }
    )
    with _registered(con, "dedup_batch", batch_table):
        known = _known_members(con)
        key_matches = _key_matches(con)
    new_pages = [p if p.url not in known else None for p in pages]
    near = _stored_matches(con, [p for p in new_pages if p is not None]) if any(new_pages) else {}
    batch = _BatchState()
    decisions: list[GroupDecision] = []
    placed: list[tuple[_Page, GroupDecision, bool]] = []
    new_pos = 0
    for pos, page in enumerate(pages):
        if page.url in known:
            decisions.append(known[page.url])
            continue
        decision = _decide(page, key_matches.get(pos, (None, None)), near.get(new_pos), batch)
        new_pos += 1
        # a page whose exact text is already indexed adds no new band keys
        index_bands = decision.reason != "text_hash" and page.keys is not None
        batch.add(pos, page, decision.dup_group, index_bands)
        decisions.append(decision)
        placed.append((page, decision, index_bands))
    _write(con, placed, seen_at)
    return decisions


def reindex(con: duckdb.DuckDBPyConnection, *, chunk: int = 2000) -> int:
    """Re-sketch pages indexed under other parameters (after SKETCH_VERSION changed); returns how many.

    Until this runs, such pages are never proposed as candidates: their band
    keys mean something else. Texts come from `extractions`; groups are kept
    as they are. Must run inside the caller's transaction, like assign_groups.
    """
    done = 0
    while rows := con.execute(query("dedup_stale_docs"), [SKETCH_VERSION, chunk]).fetchall():
        shingles = [shingle_hashes(normalise_text(text or "")) for _, _, text in rows]
        resketched = pa.table(
            {
                "url": [url for url, _, _ in rows],
                "doc_id": pa.array([doc_id for _, doc_id, _ in rows], type=pa.uint64()),
                "shingles": _list_column(shingles),
            }
        )
        banded = [
            (doc_id, band_keys(signature(s))) for (_, doc_id, _), s in zip(rows, shingles) if s.size >= MIN_SHINGLES
        ]
        with _registered(con, "dedup_resketched", resketched), _registered(con, "dedup_new_bands", _band_table(banded)):
            con.execute(query("dedup_drop_bands"))
            con.execute(query("dedup_replace_sketches"), [SKETCH_VERSION])
            con.execute(query("dedup_insert_bands"))
        done += len(rows)
    return done
