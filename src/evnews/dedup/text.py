"""Article text reduced to what decides whether two pages are one story.

Case, Unicode forms, curly quotes, dashes, punctuation and whitespace do not
make two copies different, so the normal form keeps words only. A paragraph a
page repeats (a theme that renders the body twice, a pull quote) is kept once:
repetition inside one page must neither change its hash nor weigh on its
similarity to other pages.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib

import numpy as np
import numpy.typing as npt

# Words: letters/digits, keeping a decimal point or thousands comma inside a
# number ("2.5", "100,000") and an apostrophe inside a word ("Nissan's").
_WORD = re.compile(r"\w+(?:[.,'](?=\w)\w+)*")
# Typographic variants that copy-editing or a CMS swaps freely.
_VARIANTS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)
SHINGLE_WORDS = 4  # see evnews.dedup for how 4 was chosen
_RUN_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd: keeps word order in the run hash


def _words(line: str) -> list[str]:
    if line.isascii():
        # NFKC leaves ASCII as it is, _VARIANTS maps only non-ASCII characters, and casefold
        # of ASCII is lower(): the same words, without two passes that change nothing.
        return _WORD.findall(line.lower())
    folded = unicodedata.normalize("NFKC", line).translate(_VARIANTS).casefold()
    return _WORD.findall(folded)


def normalise_text(text: str) -> str:
    """One line per distinct paragraph, words only, lower case; repeats dropped."""
    seen: set[str] = set()
    kept: list[str] = []
    for line in text.splitlines():
        words = " ".join(_words(line))
        if words and words not in seen:
            seen.add(words)
            kept.append(words)
    return "\n".join(kept)


def normal_hash(normal_text: str) -> str:
    """Hash of text already in normal form; "" for text without words."""
    if not normal_text:
        return ""
    return hashlib.sha256(normal_text.encode("utf-8")).hexdigest()[:32]


def text_hash(text: str) -> str:
    """Hash of the normal form: equal for exact copies, "" for text without words."""
    return normal_hash(normalise_text(text))


def _fmix64(x: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """MurmurHash3's finaliser: spreads every input bit over the whole word."""
    x = x ^ (x >> np.uint64(33))
    x = x * np.uint64(0xFF51AFD7ED558CCD)
    x = x ^ (x >> np.uint64(33))
    x = x * np.uint64(0xC4CEB9FE1A85EC53)
    return x ^ (x >> np.uint64(33))


def shingle_hashes(normal_text: str, size: int = SHINGLE_WORDS) -> npt.NDArray[np.uint32]:
    """Sorted distinct 32-bit hashes of the text's runs of `size` words.

    Takes the output of `normalise_text`. Runs cross paragraph breaks, so a
    paragraph shorter than `size` words still counts. Each word is hashed
    once (CRC-32) and each run's hash is built from its words' hashes with
    numpy, which is several times faster than hashing every run's string.
    32 bits are plenty: two distinct shingles of a pair of articles collide
    about once in 10^5 pairs.
    """
    # Words hold no whitespace and UTF-8 puts none inside a multi-byte character, so
    # splitting the encoded text gives each word's UTF-8 bytes (one encode, not one per word).
    words = normal_text.encode("utf-8").split()
    if not words:
        return np.empty(0, dtype=np.uint32)
    word_ids = np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=len(words))
    width = min(size, len(words))
    runs = len(words) - width + 1
    combined = np.zeros(runs, dtype=np.uint64)
    with np.errstate(over="ignore"):  # wrapping arithmetic is intended
        for offset in range(width):
            combined = combined * _RUN_MULTIPLIER + word_ids[offset : offset + runs]
        mixed = _fmix64(combined)
    return np.unique((mixed >> np.uint64(32)).astype(np.uint32))
