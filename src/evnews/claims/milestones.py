"""Cars counted as a milestone or as a stretch of a running count.

"delivered its 300,000th Leaf" and "its one millionth EV sale" count sales since launch; "built its
50,000th" counts production, which the vocabulary has no metric for. "The next 100,000 took two years"
counts the cars between two milestones, which is no total of anything. Pure functions of the words
around one figure, used by `frames`.
"""

from __future__ import annotations

import re

from evnews.claims.prefilter import with_first_char_guard

_MILESTONE_SOLD = with_first_char_guard(re.compile(
    r"\b(?:sold|sells|selling|sell|delivered|delivers|delivering|deliver|handed\s+over|registered|shipped|bought|"
    r"buyer|customer|owner|sale|delivery)\b",
    re.I,
))
_MILESTONE_BUILT = with_first_char_guard(re.compile(
    r"\b(?:built|builds|building|produced|produces|producing|made|manufactured|assembled|rolled|rolls|rolling)\b", re.I
))
# "the second 100,000 took less than two years": a stretch between two milestones ("the first 100,000" is one)
_STRETCH_BEFORE = re.compile(r"\b(?:the|a|its)\s+(?:second|third|fourth|next|last|final|latest)\s+$", re.I)


def milestone_metric(near: str) -> str | None:
    """The metric of a numbered car ("its 300,000th Leaf", "Leaf number 300,000") from the words near it."""
    if _MILESTONE_BUILT.search(near):
        return "other"
    if _MILESTONE_SOLD.search(near):
        return "cumulative_sales"
    return None


def is_stretch_of_count(lead: str) -> bool:
    """A bare count that is a stretch of a running count ("the next 100,000"), not a total."""
    return bool(_STRETCH_BEFORE.search(lead[-30:]))
