"""A part named before its whole: "16 of the 30 new models due by 2026 will be electrified", "they are
part of the 34 electrified models it plans".

"of the 30" normally points back at a figure the article gave before (local.excluded); when no earlier
claim of the article holds that figure, the sentence is where the whole is first stated, and it is a
claim of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from evnews.claims.numbers import NumberMention
from evnews.models import Claim

_PART_OF_THE = re.compile(r"\s+of\s+the\s+$", re.I)
# "The 19 EVs still stand, and they are part of the 34 electrified models it plans": the part named in words
_THEY_ARE_PART_OF = re.compile(r"\b(?:are|is|form|forms|make\s+up|as)\s+(?:a\s+)?part\s+of\s+the\s+$", re.I)


def first_stated_whole(sentence: str, n: NumberMention, numbers: Sequence[NumberMention], earlier: Sequence[Claim]) -> bool:
    """Whether `n` is the whole of a part just before it ("16 of the 30") that no earlier claim stated."""
    part = next((m for m in numbers if m.end <= n.start and _PART_OF_THE.fullmatch(sentence, m.end, n.start)), None)
    named_part = _THEY_ARE_PART_OF.search(sentence, max(0, n.start - 40), n.start) is not None
    if (part is None and not named_part) or n.unit is not None or (part is not None and part.unit is not None):
        return False
    return not any(c.value == n.value and c.unit == "models" for c in earlier)
