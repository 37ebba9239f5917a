"""A count of cars that is a rise in total sales, whatever the powertrain (metric sales_volume_increase).

"lift its annual sales by one million vehicles", "one million more cars a year", "an increase in annual
sales of one million units", "adding a million sales a year": the figure is the growth, not a volume.
"""

from __future__ import annotations

import re

from evnews.claims.prefilter import with_first_char_guard

# "lift its annual sales by one million vehicles": an increase, whatever the powertrain.
_RAISE_SALES_BY = with_first_char_guard(re.compile(
    r"\b(?:lift|raise|boost|increase|grow|expand|add|push\s+up)\w*\s+(?:(?:its|their|the|annual|global|yearly|total|overall|"
    r"vehicle|car|unit|worldwide)\s+)*(?:sales|volumes?|deliveries|output)\s+by\s+(?:about\s+|around\s+|some\s+|roughly\s+)?$",
    re.I,
))
# "an increase in annual sales of one million units"; "adding a million sales a year" (a product that "added
# 7,100 sales" in a past period sold them: no rate, no rise)
_SALES_RISE_OF = with_first_char_guard(re.compile(
    r"\b(?:increase|rise|growth|boost|jump)\s+(?:in|of)\s+(?:(?:its|their|the|annual|global|yearly|total|worldwide|vehicle|unit)\s+)*"
    r"(?:sales|volumes?|deliveries)\s+of\s+(?:about\s+|around\s+|some\s+|roughly\s+)?$",
    re.I,
))
# "Annual sales to rise by one million units by FY2026": the sales named first, then the verb of their rise.
_SALES_TO_RISE_BY = with_first_char_guard(re.compile(
    r"\b(?:sales|volumes?|deliveries)\s+(?:(?:are|is|were|was)\s+)?(?:to|will|would|should|could|are\s+set\s+to|are\s+expected\s+to)\s+"
    r"(?:rise|grow|increase|climb|jump|expand)\s+by\s+(?:about\s+|around\s+|some\s+|roughly\s+)?$",
    re.I,
))
_ADD_BEFORE = with_first_char_guard(re.compile(r"\b(?:add|adds|adding|added)\s+(?:another\s+|about\s+|around\s+|some\s+)?$", re.I))
_ADDED_TO_SALES = re.compile(
    r"\s*(?:more\s+|extra\s+|additional\s+)?(?:sales\s+(?:a|per|each)\s+year\b|(?:cars|vehicles|units)\s+to\s+(?:its|their|the)\s+(?:annual\s+|yearly\s+|global\s+)?sales\b)",
    re.I,
)

# "annual sales one million units higher by 2026": the rise named after the figure
_HIGHER = re.compile(r"\s*(?:units|vehicles|cars)\s+(?:higher|above)\b", re.I)
_SALES_BEFORE = re.compile(r"\b(?:sales|deliveries|volumes?)\s+(?:(?:about|around|some|roughly|more\s+than)\s+)?$", re.I)


def states_sales_increase(head: str, before: str, lead: str) -> bool:
    """Is the count whose following text is `head` (and preceding text `before`, sentence so far `lead`) a sales rise?"""
    # "one million more cars", and a table row read as "1 million units Additional annual sales"
    return bool(
        re.match(r"^\s*(?:(?:units|vehicles|cars)\s+)?(?:more|extra|additional)\b", head, re.I)
        or re.search(r"\b(?:extra|additional)\s*$", before)
        or _RAISE_SALES_BY.search(lead[-80:])
        or ("by" in lead[-12:] and _SALES_TO_RISE_BY.search(lead[-80:]))
        or ("of" in lead[-25:] and _SALES_RISE_OF.search(lead[-80:]))
        or ("add" in before[-30:].lower() and _ADD_BEFORE.search(before[-30:]) and _ADDED_TO_SALES.match(head))
        or (_HIGHER.match(head) is not None and _SALES_BEFORE.search(lead[-40:]) is not None)
    )
