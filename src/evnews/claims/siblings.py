"""Figures of one sentence that share what it names once.

"bring pack costs down to $75 per kWh by 2028 with its solid-state cells, and later to $65": the second
cost is of the same battery, though the sentence names it only with the first.
"""

from __future__ import annotations

from dataclasses import replace

from evnews.models import Claim

# Metrics whose product a later figure of the same sentence leaves unsaid.
_CARRIED = frozenset({"battery_cost"})


def carry_products(claims: list[Claim]) -> list[Claim]:
    """The claims, a later figure without a product taking that of the figure before it in its sentence."""
    out: list[Claim] = []
    for claim in claims:
        before = out[-1] if out else None
        if (
            claim.product is None
            and claim.metric in _CARRIED
            and before is not None
            and before.sentence_index == claim.sentence_index
            and before.metric == claim.metric
            and before.company == claim.company
            and before.product is not None
        ):
            claim = replace(claim, product=before.product)
        out.append(claim)
    return out
