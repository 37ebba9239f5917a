"""Which named product a date cue of a clause is about (a production start, a technology launch).

The product nearest the cue, as a rule; but a start told in an aside on the plant belongs to the car
the main clause builds, not to a twin named closer to the aside.
"""

from __future__ import annotations

import re

from evnews.claims.mentions import Mention


def nearest_product(products: list[Mention], pos: int, start: int, end: int) -> str | None:
    """The product named in the clause [start, end) nearest to `pos`."""
    inside = [p for p in products if start <= p.start < end]
    if not inside:
        return None
    return min(inside, key=lambda p: abs(p.start - pos)).name


# ", where production started in May", ", which began producing them": an aside on the plant the main clause names
_PLANT_ASIDE = re.compile(r",\s+(?:where|which)\b[^,;]*$")


def built_product(products: list[Mention], clause: str, start: int, cue: int) -> str | None:
    """"The Sakura and its twin are built at the Mizushima plant, where production began in May": a start told in
    an aside on the plant is that of the car the main clause builds (its first named), not of the twin nearest it."""
    aside = _PLANT_ASIDE.search(clause, 0, cue)
    if aside is None or any(start + aside.start() <= p.start for p in products if p.start < start + len(clause)):
        return None  # no aside, or the aside names its own product ("where the Juke began in 2010")
    first = [p for p in products if start <= p.start < start + aside.start()]
    return first[0].name if first else None
