"""Verdict accuracy on matched claims (issue 7's figure).

For each (gold, predicted) pair the matcher produced, the expected verdict is
what the claims.md rules give the gold claim on its article's date
(`evnews.compare.judge`); it is held against the verdict stored for the
predicted claim (the `claim_checks` view), or, in the fast loop without a
warehouse, against the verdict the same rules give the predicted claim.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from evnews.compare import TargetRegistry, VerdictScore, judge, load_registry, verdict_accuracy
from evnews.config import warehouse_dir
from evnews.evaluation.matching import MatchResult, ScoredClaim
from evnews.models import Claim


def as_claim(c: ScoredClaim) -> Claim:
    """A scored (gold or predicted) claim as the pipeline's Claim, for the verdict rules."""
    return Claim(
        company=c.company,
        metric=c.metric,
        kind=c.kind,
        evidence=c.evidence,
        value=c.value,
        unit=c.unit,
        qualifier=c.qualifier,
        region=c.region,
        horizon_year=c.horizon_year,
        fiscal_year=c.fiscal_year,
        product=c.product,
    )


def default_registry() -> TargetRegistry:
    """The registry the pipeline judges with (shipped targets plus user files)."""
    return load_registry(warehouse_dir())


def score_verdicts(
    result: MatchResult,
    published: Mapping[str, dt.date | None],
    registry: TargetRegistry,
    *,
    judge_predictions: bool = False,
) -> VerdictScore:
    """Expected (from gold) vs stored verdicts over the matched pairs.

    `published` maps an article path to its date. With `judge_predictions` the
    predicted claim's verdict is computed by the same rules instead of read
    from the warehouse (the text-only evaluation loop has no warehouse).
    """
    triples = []
    for gold, predicted in result.matched:
        day = published.get(gold.article)
        got = judge(as_claim(predicted), day, registry).verdict if judge_predictions else predicted.verdict
        triples.append((as_claim(gold), day, got))
    return verdict_accuracy(triples, registry)


def format_verdicts(score: VerdictScore) -> list[str]:
    """The report lines: the accuracy, then the disagreements (expected -> stored) by count."""
    lines = [f"verdicts  accuracy on matched claims {score.agreeing}/{score.matched} ({score.accuracy:.3f})"]
    wrong = sorted(((n, e, g) for (e, g), n in score.confusion.items() if e != g), reverse=True)
    lines += [f"  expected {e:<12} stored {g:<12} {n}" for n, e, g in wrong]
    return lines
