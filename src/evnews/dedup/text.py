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


def _words(line: str) -> list[str]:
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


def shingle_hashes(normal_text: str, size: int = SHINGLE_WORDS) -> npt.NDArray[np.uint32]:
    """Sorted distinct 32-bit hashes of the text's runs of `size` words.

    Takes the output of `normalise_text`. Runs cross paragraph breaks, so a
    paragraph shorter than `size` words still counts. 32 bits are plenty:
    two distinct shingles of a pair of articles collide about once in 10^5 pairs.
    """
    words = normal_text.split()
    if not words:
        return np.empty(0, dtype=np.uint32)
    runs = {" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))}
    hashes = [int.from_bytes(hashlib.blake2b(run.encode("utf-8"), digest_size=4).digest(), "little") for run in runs]
    return np.unique(np.array(hashes, dtype=np.uint32))
