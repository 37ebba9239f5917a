"""How far two extractions agree, line by line (word-shingle overlap).

Used to let independent extractors vote on each line of the article. Tokens are
`\\w+` runs, so lines in languages written without spaces still compare.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

SHINGLE = 4
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def shingles(tokens: list[str]) -> Counter[tuple[str, ...]]:
    if not tokens:
        return Counter()
    count = max(1, len(tokens) - SHINGLE + 1)
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(count))


@dataclass(frozen=True, slots=True)
class Opinion:
    """One extractor's text, indexed for fast containment checks."""

    text: str
    joined: str  # " w1 w2 ... " for whole-line substring checks
    grams: Counter[tuple[str, ...]]

    @classmethod
    def of(cls, text: str) -> Opinion:
        tokens = words(text)
        return cls(text, " " + " ".join(tokens) + " ", shingles(tokens))

    @property
    def size(self) -> int:
        return sum(self.grams.values())


def support(line: str, opinion: Opinion) -> float:
    """Share of the line's shingles that the other extraction also has (0..1)."""
    tokens = words(line)
    if not tokens:
        return 0.0
    if " " + " ".join(tokens) + " " in opinion.joined:
        return 1.0
    if len(tokens) < SHINGLE:
        return 0.0  # too short to judge by overlap; only an exact match counts
    grams = shingles(tokens)
    return sum((grams & opinion.grams).values()) / sum(grams.values())


def containment(inner: Opinion, outer: Opinion) -> float:
    """Share of `inner`'s shingles found in `outer`."""
    total = inner.size
    return sum((inner.grams & outer.grams).values()) / total if total else 0.0
