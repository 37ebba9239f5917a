"""A list under a lead-in line: what the lead-in gives its items.

"For fiscal 2026 the electrified share of sales is meant to reach:" followed by "98% in Europe", "58% in
Japan": the items are bare shares, one per market, and the lead-in (or the first item, "Europe: 98 per cent
of Nissan sales electrified") says which share they are and by when. These helpers are pure functions of
the lines; `extractor._Reader` keeps what they return while the list lasts.
"""

from __future__ import annotations

import datetime as dt
import re

from evnews.claims.frames import Frame
from evnews.claims.mentions import Mention
from evnews.claims.numbers import NumberMention
from evnews.claims.prefilter import with_first_char_guard
from evnews.claims.sentences import Sentence
from evnews.claims.timex import find_times, resolve

# A lead-in that names a company's sales-mix share: "the electrified share of sales is meant to reach:",
# "EVs' share of sales will be:", "electrified vehicles as a share of sales:".
_SHARE_NOUN = re.compile(r"\b(?:share|mix|proportion|percentage)\b", re.I)
_EV_WORDS = re.compile(r"\b(?:fully|purely|pure|battery)[\s-]+electric\b|\bEVs?\b|\bBEVs?\b", re.I)
_ELECTRIFIED_WORDS = re.compile(r"\belectrified\b", re.I)
_MARKET_WORDS = re.compile(r"\bmarket\s+share\b|\bshare\s+of\s+(?:the\s+)?(?:\w+\s+)?market\b", re.I)

# What a bare share item may hold besides its figure and its market: a label colon, a qualifier, "in",
# "of sales", end punctuation. "Japan: 58 per cent." and "58% in Japan" are bare; "58% of dealers" is not.
_BARE_REST = with_first_char_guard(re.compile(
    r"[\s:.,;*•-]*(?:(?:more|less)\s+than|over|above|at\s+least|about|around|roughly|nearly|almost|some|up\s+to)?"
    r"[\s:]*(?:of\s+(?:its\s+)?sales)?[\s,]*(?:in|for)?[\s.;]*",
    re.I,
))


def lead_in_share(text: str) -> str | None:
    """The sales-mix share a lead-in line names for the items under it, or None."""
    if not _SHARE_NOUN.search(text) or _MARKET_WORDS.search(text):
        return None
    if _ELECTRIFIED_WORDS.search(text):
        return "electrified_sales_share"
    return "ev_sales_share" if _EV_WORDS.search(text) else None


def listed_share(n: NumberMention, s: Sentence, regions: list[Mention], list_share: str | None) -> Frame | None:
    """The frame of a list item that is nothing but a share and its market ("Japan: 58 per cent.", "35% in
    China"): the share the list's lead-in or first item named."""
    if list_share is None or not s.is_list_item or n.unit != "percent":
        return None
    rest = s.text
    for start, end in [(n.start, n.end)] + [(r.start, r.end) for r in regions]:
        rest = rest[:start] + " " * (end - start) + rest[end:]
    return Frame(list_share, "percent") if _BARE_REST.fullmatch(rest) else None


def lead_in_dates(text: str, anchor: dt.date | None, plan_end: int | None) -> tuple[tuple[int | None, bool] | None, int | None]:
    """The (year, fiscal) horizon a lead-in gives its items, and the year it says the list was announced."""
    found = find_times(text)
    times = [t for t in found if not t.background]
    announced = [t for t in found if t.announcement]
    horizon = (resolve(times[0], anchor, previous=None, plan_end=plan_end), times[0].fiscal) if times and anchor else None
    said = resolve(announced[0], anchor, previous=None, plan_end=None) if announced and anchor else None
    return horizon, said
