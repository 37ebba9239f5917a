"""Sentences that state no figure of their own, whatever numbers they hold.

A question asks about a figure ("Is the 40% a share of sales or of the line-up?"); the answer is the
statement. A correction's last line gives the right figure again ("The correct figure is 286,200.")
after the story has stated it. A cancelled plan or figures the text calls former are no claims either.
"""

from __future__ import annotations

import re

from evnews.claims import former_words as fw
from evnews.claims.prefilter import with_first_char_guard

_CLOSING = " \t\"'”’)]"
_CORRECT_FIGURE = with_first_char_guard(re.compile(
    r"^\W*(?:The\s+)?(?:correct|right|accurate)\s+(?:figure|number|total|amount)\s+(?:is|was)\b|"
    r"\bshould\s+have\s+(?:read|said|been\s+given\s+as)\b",
    re.I,
))


def is_question(text: str) -> bool:
    """A question ends with its question mark (closing quotes or brackets may follow)."""
    return text.rstrip(_CLOSING).endswith("?")


def states_nothing(text: str) -> bool:
    """True for a sentence none of whose figures or dates is a claim."""
    return bool(
        fw.CANCELLED_RE.search(text)
        or fw.SUPERSEDED_SENTENCE_RE.search(text)
        or is_question(text)
        or (_may_restate_correction(text) and _CORRECT_FIGURE.search(text))
    )


def _may_restate_correction(text: str) -> bool:
    # a substring test first: nearly no sentence holds these words, and the regex costs more
    return any(word in text for word in ("orrect", "right", "Right", "ccurate", "should have"))
