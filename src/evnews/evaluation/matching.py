"""Claim matching and scoring, exactly as shared/spec/claims.md defines them.

A predicted claim hits a gold claim when both come from the same article and
agree on company, metric and kind, their values are within 1 % (or both null),
and the horizon year is equal wherever the gold claim has one. Each gold claim
is used at most once. Precision and recall count only claims about Nissan:
a claim about another company stored as Nissan is a false positive, and gold
or predicted `other` claims take no part. Region, qualifier and fiscal_year
are scored as accuracy over the matched pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

FOCUS_COMPANY = "Nissan"
ATTRIBUTES: tuple[str, ...] = ("region", "qualifier", "fiscal_year")


@dataclass(frozen=True, slots=True)
class ScoredClaim:
    """The fields matching looks at, for a gold or a predicted claim."""

    article: str
    company: str
    metric: str
    kind: str
    value: float | None
    horizon_year: int | None
    region: str = "global"
    qualifier: str = "exact"
    fiscal_year: bool = False
    evidence: str = ""
    product: str | None = None
    unit: str | None = None
    verdict: str | None = None  # a predicted claim's stored verdict (claim_checks), when known

    @classmethod
    def from_mapping(cls, article: str, row: Mapping[str, Any]) -> ScoredClaim:
        value = row.get("value")
        year = row.get("horizon_year")
        return cls(
            article=article,
            company=str(row.get("company") or ""),
            metric=str(row.get("metric") or ""),
            kind=str(row.get("kind") or ""),
            value=None if value is None else float(value),
            horizon_year=None if year is None else int(year),
            region=str(row.get("region") or "global"),
            qualifier=str(row.get("qualifier") or "exact"),
            fiscal_year=bool(row.get("fiscal_year")),
            evidence=str(row.get("evidence") or ""),
            product=_text_or_none(row.get("product")),
            unit=_text_or_none(row.get("unit")),
            verdict=_text_or_none(row.get("verdict")),
        )


def _text_or_none(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


@dataclass(frozen=True, slots=True)
class MatchResult:
    """Outcome of matching one set of predictions against one set of gold claims."""

    matched: tuple[tuple[ScoredClaim, ScoredClaim], ...]  # (gold, predicted)
    missed: tuple[ScoredClaim, ...]  # scored gold claims with no prediction
    spurious: tuple[ScoredClaim, ...]  # scored predictions with no gold claim
    attribute_hits: Mapping[str, int] = field(default_factory=dict)

    @property
    def true_positives(self) -> int:
        return len(self.matched)

    @property
    def precision(self) -> float:
        return _ratio(self.true_positives, self.true_positives + len(self.spurious))

    @property
    def recall(self) -> float:
        return _ratio(self.true_positives, self.true_positives + len(self.missed))

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def attribute_accuracy(self, name: str) -> float:
        return _ratio(self.attribute_hits.get(name, 0), self.true_positives)


def _ratio(num: int, den: int) -> float:
    # An empty denominator means nothing could go wrong: report a perfect score.
    return 1.0 if den == 0 else num / den


def values_agree(gold: float | None, predicted: float | None) -> bool:
    """Within 1 % of the gold value, or both null."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if gold == 0:
        return predicted == 0
    return abs(predicted - gold) <= 0.01 * abs(gold)


def claims_match(gold: ScoredClaim, predicted: ScoredClaim) -> bool:
    """The claims.md rule for one pair (the article is compared by the caller)."""
    return (
        gold.article == predicted.article
        and gold.company == predicted.company
        and gold.metric == predicted.metric
        and gold.kind == predicted.kind
        and values_agree(gold.value, predicted.value)
        and (gold.horizon_year is None or gold.horizon_year == predicted.horizon_year)
    )


def _is_scored_gold(claim: ScoredClaim) -> bool:
    return claim.company == FOCUS_COMPANY and claim.metric != "other"


def _is_scored_prediction(claim: ScoredClaim) -> bool:
    return claim.company == FOCUS_COMPANY and claim.metric != "other"


def _preference(gold: ScoredClaim, predicted: ScoredClaim) -> tuple[Any, ...]:
    """Sort key of a prediction that matches `gold`: the closest first, ties in a fixed order."""
    agreeing = sum(getattr(gold, a) == getattr(predicted, a) for a in ATTRIBUTES)
    same_product = (gold.product or "").casefold() == (predicted.product or "").casefold()
    return (-agreeing, not same_product, _content_key(predicted))


def _content_key(claim: ScoredClaim) -> tuple[str, ...]:
    return tuple("" if value is None else str(value) for value in (
        claim.evidence, claim.product, claim.value, claim.unit, claim.region, claim.qualifier,
        claim.fiscal_year, claim.horizon_year, claim.verdict,
    ))  # fmt: skip


def match_claims(gold: Iterable[ScoredClaim], predicted: Iterable[ScoredClaim]) -> MatchResult:
    """Pair predictions with gold claims, each used at most once, as many pairs as possible.

    A maximum bipartite matching (augmenting paths) rather than a greedy pass,
    so that a prediction that could serve two gold claims never blocks the one
    only it can serve.
    """
    gold_list = [g for g in gold if _is_scored_gold(g)]
    # A prediction about `other` is neither a hit nor a false positive.
    pred_list = [p for p in predicted if p.metric != "other"]
    # Try the predictions that also agree on region, qualifier and fiscal year first, so
    # that attribute accuracy is measured on the natural pairing; then the one about the same
    # product. The rest of the order is the claims' content, not the order the warehouse
    # returned them in, so that the pairing (and the verdicts scored on it) is the same every run.
    options = [
        sorted(
            (pi for pi, p in enumerate(pred_list) if claims_match(g, p)),
            key=lambda pi, g=g: _preference(g, pred_list[pi]),
        )
        for g in gold_list
    ]
    owner: dict[int, int] = {}  # prediction index -> gold index

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in options[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    for gi in range(len(gold_list)):
        augment(gi, set())
    pairs = sorted((gi, pi) for pi, gi in owner.items())
    matched = [(gold_list[gi], pred_list[pi]) for gi, pi in pairs]
    paired_gold = {gi for gi, _ in pairs}
    missed = [g for gi, g in enumerate(gold_list) if gi not in paired_gold]
    spurious = [
        p for pi, p in enumerate(pred_list) if pi not in owner and _is_scored_prediction(p)
    ]
    hits = Counter(
        name for g, p in matched for name in ATTRIBUTES if getattr(g, name) == getattr(p, name)
    )
    return MatchResult(tuple(matched), tuple(missed), tuple(spurious), dict(hits))


def score_by_kind(result: MatchResult, kinds: Sequence[str]) -> dict[str, tuple[float, float, int]]:
    """Precision, recall and gold count per claim kind (target, actual, rumor)."""
    out: dict[str, tuple[float, float, int]] = {}
    for kind in kinds:
        tp = sum(1 for g, _ in result.matched if g.kind == kind)
        fn = sum(1 for g in result.missed if g.kind == kind)
        fp = sum(1 for p in result.spurious if p.kind == kind)
        out[kind] = (_ratio(tp, tp + fp), _ratio(tp, tp + fn), tp + fn)
    return out
