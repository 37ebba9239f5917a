"""The dedup shortcuts give exactly what the plain computations they replace give.

Stored hashes, shingles and band keys must not change with a faster version of
the code: the index in the warehouse would stop matching new pages. Each test
compares a shortcut with the straightforward formula it replaced.
"""

from __future__ import annotations

import random
import unicodedata
import zlib

import numpy as np
import pytest

from evnews.dedup.sketch import _ADD, _MUL, signature
from evnews.dedup.text import _VARIANTS, _WORD, _words, shingle_hashes

ASCII = [chr(c) for c in range(128)]


def _words_unicode(line: str) -> list[str]:
    """The general path of `_words`, which ASCII lines skip."""
    return _WORD.findall(unicodedata.normalize("NFKC", line).translate(_VARIANTS).casefold())


@pytest.mark.parametrize("char", ASCII, ids=[f"U+{ord(c):04X}" for c in ASCII])
def test_every_ascii_character_folds_to_its_lower_case(char: str) -> None:
    assert unicodedata.normalize("NFKC", char) == char
    assert char.translate(_VARIANTS) == char
    assert char.casefold() == char.lower()


def test_ascii_lines_give_the_words_of_the_unicode_path() -> None:
    rng = random.Random(7)
    alphabet = "".join(ASCII[32:]) + "aeiouAEIOU  ..,,''0123456789"
    lines = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120))) for _ in range(3000)]
    lines += ["Nissan's 2.5bn plan: 100,000 EVs by FY2030.", "U.S.-built 'e-Power'...", "A..B ,x, 'y'"]
    for line in lines:
        assert _words(line) == _words_unicode(line), line


def test_non_ascii_lines_still_fold_unicode() -> None:
    assert _words("ＮＩＳＳＡＮ’s STRAẞE ﬁve") == ["nissan's", "strasse", "five"]


def _shingles_per_word_encoding(normal: str, size: int = 4) -> np.ndarray:
    """shingle_hashes as first written: each word found by str.split, then encoded."""
    words = normal.split()
    ids = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    width = min(size, len(words))
    runs = len(words) - width + 1
    combined = np.zeros(runs, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(width):
            combined = combined * np.uint64(0x9E3779B97F4A7C15) + ids[offset : offset + runs]
        for shift, mul in ((33, 0xFF51AFD7ED558CCD), (33, 0xC4CEB9FE1A85EC53)):
            combined = (combined ^ (combined >> np.uint64(shift))) * np.uint64(mul)
        combined = combined ^ (combined >> np.uint64(33))
    return np.unique((combined >> np.uint64(32)).astype(np.uint32))


@pytest.mark.parametrize(
    "normal",
    [
        "nissan plans 27 electrified models\nby fy2030 in europe",
        "ünïcode wörds ünd 電気自動車 ev\nşi ελληνικά",
        "one two",
    ],
)
def test_shingles_split_the_encoded_text_like_the_words(normal: str) -> None:
    assert np.array_equal(shingle_hashes(normal), _shingles_per_word_encoding(normal))


def test_text_without_words_has_no_shingles() -> None:
    assert shingle_hashes("").size == 0


def test_no_word_character_encodes_to_an_ascii_whitespace_byte() -> None:
    """Splitting UTF-8 bytes on whitespace cuts exactly between words only if no character a
    word can hold (what \\w matches, and . , ') encodes with a whitespace byte."""
    whitespace = set(b" \t\n\r\x0b\x0c")
    for code in range(0x110000):
        char = chr(code)
        if _WORD.fullmatch(char) and not 0xD800 <= code < 0xE000:
            assert not whitespace & set(char.encode("utf-8")), hex(code)


def _signature_per_shingle_shift(shingles: np.ndarray) -> np.ndarray:
    """signature as first written: the top 32 bits of every value, then the minimum."""
    with np.errstate(over="ignore"):
        mixed = shingles.astype(np.uint64)[:, None] * _MUL[None, :] + _ADD[None, :]
    return (mixed >> np.uint64(32)).min(axis=0).astype(np.uint32)


def test_signature_is_the_minimum_of_the_top_bits() -> None:
    rng = np.random.default_rng(3)
    sets = [np.unique(rng.integers(0, 2**32, size=n, dtype=np.uint64).astype(np.uint32)) for n in (1, 2, 19, 400, 3000)]
    sets.append(np.array([0, 1, 2**31, 2**32 - 1], dtype=np.uint32))
    for shingles in sets:
        assert np.array_equal(signature(shingles), _signature_per_shingle_shift(shingles))
