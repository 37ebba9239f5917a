"""The near-copy index in the warehouse: what is stored per page, and the batch queries on it.

A batch is handled with a fixed number of queries, whatever its size: its
pages' URLs, hashes and band keys are registered with DuckDB as Arrow tables
and joined with the index (`dedup_docs`, `dedup_bands`), so the cost of a page
depends on how many earlier pages share a band key with it, not on how many
pages the warehouse holds. Nothing here begins or commits a transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

import duckdb
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from evnews.dedup.sketch import BANDS, MIN_SHINGLES, SKETCH_VERSION, band_keys, jaccard_many, signature
from evnews.dedup.text import normal_hash, normalise_text, shingle_hashes
from evnews.dedup.urls import canonical_url
from evnews.models import Article
from evnews.store.db import query

if TYPE_CHECKING:
    from evnews.dedup.groups import GroupDecision


@dataclass(frozen=True, slots=True)
class PageSketch:
    """What dedup keeps of one article: identity keys, shingles and band keys."""

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


@dataclass(frozen=True, slots=True)
class TextSketch:
    """What dedup derives from a body text alone: the same for every page that carries the text."""

    text_hash: str
    shingles: npt.NDArray[np.uint32]
    keys: npt.NDArray[np.uint64] | None  # None: too short for near-copy matching


def sketch_text(body_text: str) -> TextSketch:
    """Hash, shingles and band keys of one text, from a single pass of normalisation."""
    normal = normalise_text(body_text)
    shingles = shingle_hashes(normal)
    keys = band_keys(signature(shingles)) if shingles.size >= MIN_SHINGLES else None
    return TextSketch(normal_hash(normal), shingles, keys)


def sketch_page(article: Article, text: TextSketch) -> PageSketch:
    """Everything dedup needs of one article; `text`: its body text's `sketch_text`."""
    return PageSketch(
        url=article.url,
        canonical_url=canonical_url(article.canonical_url or article.url),
        text_hash=text.text_hash,
        published=article.published,
        shingles=text.shingles,
        keys=text.keys,
    )


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[None]:
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


def known_members(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str, float | None]]:
    """Pages of the registered batch placed before: url -> (group, reason, similarity)."""
    rows = con.execute(query("dedup_known_members")).fetchall()
    return {url: (group, reason, similarity) for url, group, reason, similarity in rows}


def key_matches(con: duckdb.DuckDBPyConnection) -> dict[int, tuple[str | None, int | None, str | None]]:
    rows = con.execute(query("dedup_key_matches")).fetchall()
    return {idx: (url_group, url_doc, text_group) for idx, url_group, url_doc, text_group in rows}


_Doc = tuple[npt.NDArray[np.uint32], str, dt.datetime]  # shingles, group, indexed_at


def fetch_docs(con: duckdb.DuckDBPyConnection, doc_ids: pa.Array) -> dict[int, _Doc]:
    """Shingles and group of the given indexed pages (those indexed under SKETCH_VERSION)."""
    with registered(con, "dedup_candidate_ids", pa.table({"doc_id": doc_ids})):
        docs = con.sql(query("dedup_candidate_shingles"), params=[SKETCH_VERSION]).to_arrow_table()
    lists = docs.column("shingles").combine_chunks()
    offsets, values = lists.offsets.to_numpy(), lists.values.to_numpy()
    ids, groups = docs.column("doc_id").to_pylist(), docs.column("dup_group").to_pylist()
    indexed = docs.column("indexed_at").to_pylist()
    return {
        doc_id: (values[offsets[row] : offsets[row + 1]], groups[row], indexed[row]) for row, doc_id in enumerate(ids)
    }


def stored_matches(con: duckdb.DuckDBPyConnection, pages: Sequence[PageSketch]) -> dict[int, tuple[str, float]]:
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
    with registered(con, "dedup_batch_bands", probe):
        pairs = con.sql(query("dedup_candidates")).to_arrow_table()
    if pairs.num_rows == 0:
        return {}
    docs = fetch_docs(con, pc.unique(pairs.column("doc_id")))
    by_page: dict[int, list[int]] = defaultdict(list)
    for idx, doc_id in zip(pairs.column("idx").to_pylist(), pairs.column("doc_id").to_pylist()):
        if doc_id in docs:  # else indexed with other parameters: its band keys are not comparable
            by_page[idx].append(doc_id)
    best: dict[int, tuple[float, dt.datetime, str]] = {}
    for idx, doc_ids in by_page.items():
        similarities = jaccard_many(pages[idx].shingles, [docs[d][0] for d in doc_ids])
        # the most similar page wins; on a tie, the one indexed first (its group is older)
        top = max(range(len(doc_ids)), key=lambda i: (similarities[i], -docs[doc_ids[i]][2].timestamp()))
        _, group, indexed_at = docs[doc_ids[top]]
        best[idx] = (float(similarities[top]), indexed_at, group)
    return {idx: (group, similarity) for idx, (similarity, _, group) in best.items()}


def band_table(banded: Sequence[tuple[int, npt.NDArray[np.uint64]]]) -> pa.Table:
    """Rows of dedup_bands for pages given as (doc_id, band keys)."""
    return pa.table(
        {
            "band": np.tile(np.arange(BANDS, dtype=np.uint8), len(banded)),
            "band_key": np.concatenate([keys for _, keys in banded]) if banded else np.empty(0, np.uint64),
            "doc_id": np.repeat(np.array([doc_id for doc_id, _ in banded], dtype=np.uint64), BANDS),
        }
    )


def write_pages(
    con: duckdb.DuckDBPyConnection,
    placed: Sequence[tuple[PageSketch, GroupDecision, bool]],
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
    bands = band_table([(p.doc_id, p.keys) for p, index in indexed if index and p.keys is not None])
    with registered(con, "dedup_new_docs", docs), registered(con, "dedup_new_bands", bands):
        con.execute(query("dedup_insert_docs"), [seen_at])
        con.execute(query("dedup_insert_bands"))
        con.execute(query("dedup_insert_members"), [seen_at])


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
        with registered(con, "dedup_resketched", resketched), registered(con, "dedup_new_bands", band_table(banded)):
            con.execute(query("dedup_drop_bands"))
            con.execute(query("dedup_replace_sketches"), [SKETCH_VERSION])
            con.execute(query("dedup_insert_bands"))
        done += len(rows)
    return done
