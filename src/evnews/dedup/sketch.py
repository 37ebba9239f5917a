"""MinHash signatures, LSH band keys and the exact similarity check.

The signature is computed here rather than with datasketch's `MinHash`
because the index lives in DuckDB across releases: datasketch 2.0 changed its
default hashing scheme, so band keys stored by one version would silently stop
matching after an upgrade. These functions depend on nothing but their fixed
constants; `SKETCH_VERSION` names them and is stored with every indexed page.
"""

from __future__ import annotations

import hashlib

import numpy as np
import numpy.typing as npt

from evnews.dedup.text import SHINGLE_WORDS

BANDS = 64
ROWS_PER_BAND = 3
NUM_PERM = BANDS * ROWS_PER_BAND
THRESHOLD = 0.35  # Jaccard of shingle sets at or above which two pages are one story (see evnews.dedup)
# Pages sharing a canonical URL are one story unless their texts are plainly
# different (a section-wide canonical in a template): distinct stories of one
# site measured at most 0.145, an article and its updated version far higher.
SAME_URL_MIN_SIMILARITY = 0.2
MIN_SHINGLES = 20  # shorter texts are matched only exactly: a few words are not evidence of copying
SKETCH_VERSION = f"mh2-w{SHINGLE_WORDS}-b{BANDS}r{ROWS_PER_BAND}"


def _constants(label: str, count: int) -> npt.NDArray[np.uint64]:
    """Fixed pseudo-random 64-bit constants, the same in every process and numpy version."""
    digests = (hashlib.blake2b(f"evnews-{label}-{i}".encode(), digest_size=8).digest() for i in range(count))
    return np.array([int.from_bytes(d, "little") for d in digests], dtype=np.uint64)


# Multiply-add-shift hashing: (a*x + b) mod 2^64, top 32 bits; `a` must be odd.
_MUL = _constants("minhash-a", NUM_PERM) | np.uint64(1)
_ADD = _constants("minhash-b", NUM_PERM)
_BAND_MUL = _constants("band", ROWS_PER_BAND) | np.uint64(1)
_BAND_SALT = _constants("band-salt", BANDS)
_EMPTY = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)


def signature(shingles: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """MinHash signature (NUM_PERM values) of a set of shingle hashes."""
    if shingles.size == 0:
        return _EMPTY.copy()
    with np.errstate(over="ignore"):  # wrapping is the point of the hash
        mixed = np.multiply.outer(shingles.astype(np.uint64), _MUL)
        mixed += _ADD  # in place: one array of shingles x permutations, not three
    # Taking the top 32 bits keeps order, so the minimum of the top bits is the top bits of
    # the minimum: one shift per permutation instead of one per shingle and permutation.
    return (mixed.min(axis=0) >> np.uint64(32)).astype(np.uint32)


def band_keys(sig: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint64]:
    """One 64-bit key per band: pages that share any key become candidates.

    The band's number is mixed into its key, so the index is searched by one
    key column (a single-column hash join is several times faster in DuckDB
    than joining on band and key).
    """
    rows = sig.reshape(BANDS, ROWS_PER_BAND).astype(np.uint64)
    with np.errstate(over="ignore"):
        return (rows * _BAND_MUL[None, :]).sum(axis=1, dtype=np.uint64) + _BAND_SALT


def jaccard(a: npt.NDArray[np.uint32], b: npt.NDArray[np.uint32]) -> float:
    """Exact Jaccard similarity of two sorted arrays of distinct shingle hashes."""
    if a.size == 0 or b.size == 0:
        return 0.0
    common = np.intersect1d(a, b, assume_unique=True).size
    return common / (a.size + b.size - common)


def jaccard_many(a: npt.NDArray[np.uint32], others: list[npt.NDArray[np.uint32]]) -> npt.NDArray[np.float64]:
    """Exact Jaccard of one shingle set with each of several, in a few numpy calls instead of one per pair."""
    sizes = np.array([o.size for o in others], dtype=np.int64)
    if a.size == 0 or not others:
        return np.zeros(len(others))
    # `a` is sorted and distinct, so a binary search per value finds the common ones: ~4x
    # faster than np.isin, which sorts both sides (a page can have hundreds of candidates).
    values = np.concatenate(others)
    at = np.searchsorted(a, values)
    at[at == a.size] = 0
    hits = a[at] == values
    ends = np.cumsum(sizes)
    running = np.concatenate([[0], np.cumsum(hits, dtype=np.int64)])
    common = running[ends] - running[ends - sizes]
    union = a.size + sizes - common
    return np.divide(common, union, out=np.zeros(len(others)), where=union > 0)


def candidate_probability(similarity: float) -> float:
    """Chance that LSH proposes a pair of this Jaccard similarity (the S-curve)."""
    return 1.0 - (1.0 - similarity**ROWS_PER_BAND) ** BANDS
