"""Verdict accuracy: how often the stored verdict equals the one the gold claim implies.

The expected verdict of a gold claim follows from the claim, its article's date
and the registry by the claims.md rules, i.e. `judge` on the gold claim. A
predicted claim matched to it (same article, company, metric, kind, value
within 1 %, horizon) is right when its own stored verdict is the same.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from evnews.compare.registry import TargetRegistry
from evnews.compare.rules import judge
from evnews.models import Claim


@dataclass(frozen=True, slots=True)
class VerdictScore:
    """Matched pairs, how many verdicts agree, and the (expected, got) confusion counts."""

    matched: int = 0
    agreeing: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def accuracy(self) -> float:
        return self.agreeing / self.matched if self.matched else 1.0


def expected_distribution(claims: Iterable[tuple[Claim, dt.date | None]], registry: TargetRegistry) -> Counter[str]:
    """The verdicts the rules give these (gold) claims, counted."""
    return Counter(judge(claim, published, registry).verdict for claim, published in claims)


def verdict_accuracy(
    pairs: Iterable[tuple[Claim, dt.date | None, str | None]], registry: TargetRegistry
) -> VerdictScore:
    """Score `(gold claim, article date, predicted claim's stored verdict)` triples."""
    confusion: Counter[tuple[str, str]] = Counter()
    for gold, published, predicted in pairs:
        confusion[(judge(gold, published, registry).verdict, predicted or "none")] += 1
    agreeing = sum(n for (expected, got), n in confusion.items() if expected == got)
    return VerdictScore(matched=sum(confusion.values()), agreeing=agreeing, confusion=confusion)
