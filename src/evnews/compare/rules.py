"""Verdict rules of shared/spec/claims.md, as pure functions.

A claim is held against the targets *known on its article's date*: a target
announced later is invisible to it, and one whose revision was announced on or
before that date counts as superseded (same-day announcements count as known).

Undated claims: an article whose date nobody could find is judged against the
registry as it stands (every target visible, in force = never superseded).
This keeps the verdict deterministic and says "what is true now", which is the
most useful reading for an analyst; the reason text says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from evnews.compare.registry import TargetRegistry
from evnews.models import Claim, ClaimCheck, Target

# Stands in for "today and forever" when a claim has no date.
UNDATED = dt.date.max
RELATIVE_TOLERANCE = 0.01


def _same(a: str | None, b: str | None) -> bool:
    return (a or "").strip().lower() == (b or "").strip().lower()


def products_compatible(a: str | None, b: str | None) -> bool:
    """Products do not differ: either is unnamed, or one contains the other (any case)."""
    if not a or not b:
        return True
    a, b = a.strip().lower(), b.strip().lower()
    return a in b or b in a


def values_agree(a: float | None, b: float | None) -> bool:
    """Within 1 % of each other (of the larger magnitude), or both null."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= RELATIVE_TOLERANCE * max(abs(a), abs(b))


def fits(target: Target, claim: Claim) -> bool:
    """Company, metric, region and horizon year equal; products compatible."""
    return (
        _same(target.company, claim.company)
        and target.metric == claim.metric
        and _same(target.region, claim.region)
        and target.horizon_year == claim.horizon_year
        and products_compatible(target.product, claim.product)
    )


def describe(target: Target) -> str:
    """`ambition2030_ev_models_2023 (19 models, announced 2023-02-27)` for reasons."""
    if target.value is None:
        amount = f"year {target.horizon_year}" if target.horizon_year else "no value"
    else:
        amount = f"{target.value:g}" + (f" {target.unit}" if target.unit else "")
    return f"{target.target_id} ({amount}, announced {target.announced})"


def _by_recency(targets: list[Target]) -> list[Target]:
    """Latest announcement first, then id, so ties break the same way every run."""
    return sorted(targets, key=lambda t: (t.announced, t.target_id), reverse=True)


def _judge_target_claim(claim: Claim, day: dt.date, registry: TargetRegistry, note: str) -> ClaimCheck:
    fitting = [t for t in registry.visible_on(day, claim.company, claim.metric) if fits(t, claim)]
    if not fitting:
        return ClaimCheck("unknown", reason=f"no stored target fits this claim{note}")
    in_force = _by_recency([t for t in fitting if registry.in_force_on(t, day)])
    superseded = _by_recency([t for t in fitting if registry.is_superseded_on(t, day)])
    for target in in_force:
        if values_agree(claim.value, target.value):
            return ClaimCheck("consistent", target.target_id, reason=f"agrees with {describe(target)}{note}")
    for target in superseded:
        if values_agree(claim.value, target.value):
            current = registry.version_in_force(target.target_id, day)
            now = f"; in force: {describe(current)}" if current else ""
            return ClaimCheck(
                "superseded", target.target_id, reason=f"repeats {describe(target)}, since revised{now}{note}"
            )
    missed = (in_force or superseded)[0]
    return ClaimCheck("conflicting", missed.target_id, reason=f"agrees with no fitting target; nearest is {describe(missed)}{note}")


def _progress_target(claim: Claim, day: dt.date, registry: TargetRegistry) -> Target | None:
    """The in-force target of the same company/metric/region with the nearest horizon
    at or after the claim's year; failing that, the latest earlier horizon, then an
    undated one (so an actual for a still-standing but overdue target links to it)."""
    year = claim.horizon_year or (day.year if day != UNDATED else None)
    candidates = [
        t
        for t in registry.visible_on(day, claim.company, claim.metric)
        if _same(t.region, claim.region) and registry.in_force_on(t, day)
    ]
    if not candidates:
        return None

    def rank(t: Target) -> tuple[int, int, int, int, str]:
        horizon = t.horizon_year
        if horizon is None:
            band, distance = 2, 0
        elif year is None or horizon >= year:
            band, distance = 0, horizon - (year or horizon)
        else:
            band, distance = 1, year - horizon
        product_penalty = 0 if products_compatible(t.product, claim.product) else 1
        return (band, distance, product_penalty, -t.announced.toordinal(), t.target_id)

    return min(candidates, key=rank)


def _judge_actual_claim(claim: Claim, day: dt.date, registry: TargetRegistry, note: str) -> ClaimCheck:
    target = _progress_target(claim, day, registry)
    if target is None:
        return ClaimCheck("unrelated", reason=f"no target for {claim.company} {claim.metric} in {claim.region} was in force{note}")
    ratio = None
    if claim.value is not None and target.value:
        ratio = claim.value / target.value
    shown = f"{ratio:.0%} of " if ratio is not None else "towards "
    return ClaimCheck("progress", target.target_id, ratio, reason=f"{shown}{describe(target)}{note}")


def judge(claim: Claim, published: dt.date | None, registry: TargetRegistry) -> ClaimCheck:
    """The claim's verdict against the targets known on `published` (claims.md)."""
    day = published or UNDATED
    note = "" if published else " (article date unknown: judged against the current registry)"
    if claim.kind == "target":
        return _judge_target_claim(claim, day, registry, note)
    if claim.kind == "actual":
        return _judge_actual_claim(claim, day, registry, note)
    return ClaimCheck("unrelated", reason=f"{claim.kind} claims are not held against targets")


# Metric pairs an article easily swaps ("one million electric cars" for a goal
# of one million *electrified* cars); a same-value target under the sibling
# metric is worth showing next to an `unknown` verdict.
_SIBLING_METRICS: dict[str, str] = {
    "ev_sales_volume": "electrified_sales_volume",
    "ev_sales_share": "electrified_sales_share",
    "ev_model_launches": "electrified_model_launches",
}
_SIBLING_METRICS |= {b: a for a, b in _SIBLING_METRICS.items()}


def related_target(claim: Claim, check: ClaimCheck, published: dt.date | None, registry: TargetRegistry) -> tuple[Target | None, str]:
    """A target an analyst should see next to the verdict, and why.

    This never changes the verdict (claims.md decides that); it adds context:
    superseded/conflicting → the version in force on the article's date;
    unknown → a same-value target under a sibling metric (likely mislabelled);
    rumor → the official target in force that the rumour contradicts.
    """
    day = published or UNDATED
    if check.verdict in ("superseded", "conflicting") and check.target_id:
        current = registry.version_in_force(check.target_id, day)
        return (current, "in force on the article date") if current else (None, "")
    if claim.metric == "other":  # a grab bag: no two "other" figures are comparable
        return None, ""
    sibling = _SIBLING_METRICS.get(claim.metric)
    if check.verdict == "unknown" and sibling:
        for t in _in_force(registry, registry.visible_on(day, claim.company, sibling), day):
            if fits(_with_metric(t, claim.metric), claim) and values_agree(t.value, claim.value):
                return t, f"same figure as the {sibling} target: the article may have mislabelled the metric"
    if claim.kind == "rumor":
        for t in _in_force(registry, registry.visible_on(day, claim.company, claim.metric), day):
            if _rumour_contradicts(t, claim):
                return t, "the rumour differs from the official target in force"
    return None, ""


def _in_force(registry: TargetRegistry, targets: list[Target], day: dt.date) -> list[Target]:
    """The targets in force on `day`, latest announcement first."""
    return [t for t in _by_recency(targets) if registry.in_force_on(t, day)]


def _with_metric(target: Target, metric: str) -> Target:
    return replace(target, metric=metric)


def _rumour_contradicts(target: Target, claim: Claim) -> bool:
    same_subject = (
        _same(target.company, claim.company)
        and target.metric == claim.metric
        and _same(target.region, claim.region)
        and products_compatible(target.product, claim.product)
        and (target.unit or None) == (claim.unit or None)
    )
    if not same_subject:
        return False
    return target.horizon_year != claim.horizon_year or not values_agree(target.value, claim.value)
