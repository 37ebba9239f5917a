"""The article-extraction benchmark's metric, written from its published definition.

Texts are split into `\\w+` tokens and compared as multisets of 4-token
shingles. Each page's true-positive / false-positive / false-negative counts
are scaled to sum to 1 so long articles do not outweigh short ones. Precision
is averaged over pages where the extractor returned something, recall over
pages whose truth is non-empty; F1 is the harmonic mean of those averages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

SHINGLE_SIZE = 4
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class PageScore:
    """Normalised shingle overlap of one page (tp + fp + fn == 1 unless all zero)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


@dataclass(frozen=True, slots=True)
class Summary:
    precision: float
    recall: float
    f1: float
    accuracy: float  # share of pages whose token sequence equals the truth
    empty: int  # pages where the extractor returned no text
    pages: int


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Word shingles of `text`; a text shorter than `size` is one short shingle."""
    tokens = _WORD.findall(text or "")
    if not tokens:
        return Counter()
    count = max(1, len(tokens) - size + 1)
    return Counter(tuple(tokens[i : i + size]) for i in range(count))


def score_page(truth: str, predicted: str) -> PageScore:
    true_set, pred_set = shingles(truth), shingles(predicted)
    tp = float(sum((true_set & pred_set).values()))
    fp = float(sum(pred_set.values())) - tp
    fn = float(sum(true_set.values())) - tp
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


def same_tokens(truth: str, predicted: str) -> bool:
    return _WORD.findall(truth or "") == _WORD.findall(predicted or "")


def summarise(pairs: Iterable[tuple[str, str]]) -> Summary:
    """Benchmark figures over (truth, predicted) pairs."""
    precisions: list[float] = []
    recalls: list[float] = []
    exact = empty = pages = 0
    for truth, predicted in pairs:
        pages += 1
        page = score_page(truth, predicted)
        if page.tp + page.fp > 0:
            precisions.append(page.precision)
        else:
            empty += 1
        if page.tp + page.fn > 0:
            recalls.append(page.recall)
        exact += same_tokens(truth, predicted)
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Summary(precision, recall, f1, exact / pages if pages else 0.0, empty, pages)
