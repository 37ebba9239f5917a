"""Counts of cars: cumulative or per-period, and whether the cars counted are EVs at all.

"has sold 650,000 Leafs since 2010" is a total to date; "sold 54,000 in fiscal 2019" a period's
volume; "Europe has taken 286,200 of them" counts the cars the sentence before named. Pure functions
of one number's window (`frames.Window`), used by the reader (extractor.py) once a figure is known to
count vehicles.
"""

from __future__ import annotations

import re

from evnews.claims import lexicon as lx
from evnews.claims.frames import Window, last_powertrain, powertrain
from evnews.claims.local import SEGMENT_BREAK
from evnews.claims.mentions import find_products
from evnews.claims.numbers import NumberMention, is_year
from evnews.claims.prefilter import with_first_char_guard
from evnews.claims.timex import TimeMention

_CUMULATIVE_VERB = with_first_char_guard(re.compile(
    r"\b(?:has|have|had|having)\s+(?:now\s+|already\s+)?(?:sold|delivered|reached|bought|passed|topped|shipped|found)\b|"
    # a timeline's present tense counts too: "Leaf sales pass 100,000", "the first EV to top 400,000 sales"
    r"\b(?:passed|topped|surpassed|crossed|reached|reach|hit|passing|topping|surpassing|crossing|reaching|hitting|"
    r"pass(?:es)?|tops?|surpass(?:es)?|cross(?:es)?|reaches|hits)\b(?!-|\s+(?:seller|selling|spot|ten|five|three|of)\b)",
    re.I,
))
_PERIOD_WORDS = with_first_char_guard(re.compile(
    r"\b(?:quarterly|annual|yearly|monthly|half-yearly|a\s+year|per\s+year|a\s+month|per\s+month|"
    r"(?:in|for|during)\s+the\s+(?:[\w-]+\s+)?(?:quarter|half|month)|year\s+on\s+year|year-on-year)\b",
    re.I,
))


def _period_follows(w: Window, time: TimeMention | None) -> bool:
    """A dated period right after the count: "sold 54,000 Leafs worldwide in fiscal 2019"."""
    if time is None or time.kind not in ("absolute", "last", "this") or re.search(r"\b(?:end|by)\b", time.text, re.I):
        return False
    at_count = w.sentence.find(w.after)
    if at_count < 0 or time.start < at_count:
        return False
    return bool(re.fullmatch(r"[^,;]{0,50}?\b(?:in|during|for|over)\s+(?:the\s+)?", w.sentence[at_count : time.start]))


_ONLY_IN_TOTAL = re.compile(r"(?:in\s+total\s*)+", re.I)


def _cumulative_words(sentence: str) -> str:
    return " ".join(m.group(0) for m in lx.CUMULATIVE_RE.finditer(sentence))


def _period_opens(w: Window, time: TimeMention | None) -> bool:
    """A past period that opens the sentence ("Last year", "In 2017") and dates its figures."""
    return (
        time is not None
        and time.kind in ("absolute", "last")
        and not re.search(r"\b(?:end|by)\b", time.text, re.I)
        and re.fullmatch(r"\W*(?:in\s+)?", w.sentence[: time.start], re.I) is not None
    )


def _cumulative_cue(w: Window, n: NumberMention | None, figures: list[NumberMention]) -> bool:
    """A "since", "in total", "to date" that speaks of this figure: in its own segment, or in a segment
    holding no other figure ("Since its launch in 2022, sales have reached 64,000"). In "has sold
    650,000 since 2010, including 42,000 last year" the "since" is the 650,000's."""
    if n is None:
        return bool(lx.CUMULATIVE_RE.search(w.sentence))
    for m in lx.CUMULATIVE_RE.finditer(w.sentence):
        cuts = [b.end() for b in SEGMENT_BREAK.finditer(w.sentence, 0, m.start())]
        nxt = SEGMENT_BREAK.search(w.sentence, m.end())
        start, end = (cuts[-1] if cuts else 0), (nxt.start() if nxt else len(w.sentence))
        holders = [f.start for f in figures if start <= f.start < end and not is_year(f)]
        # a cue after a figure speaks of it ("passed 250,000 since launch"), one before of the next
        owner = max((h for h in holders if h < m.start()), default=min(holders, default=None))
        if owner is None or owner == n.start:
            return True
    return False


def _own_text(w: Window, n: NumberMention | None, figures: list[NumberMention]) -> str:
    """The words that speak of this figure: its segment, and its clause's lead when no other figure
    stands in it ("Nissan has sold 650,000 since 2010, including 42,000 last year": not "has sold")."""
    if n is None:
        return w.clause
    lead_start = n.start - len(w.lead)
    others = [f for f in figures if lead_start <= f.start < n.start - len(w.before) and not is_year(f)]
    return (w.before if others else w.lead) + " " + w.after


_OF_THEM = re.compile(r"\s*of\s+them\b", re.I)
_OF_THOSE_OPENING = re.compile(r"\W*Of\s+(?:those|these|them)\b", re.I)


# "by the end of 2024", "for the end of fiscal 2024": a point in time, not a period
_UNTIL_BEFORE = re.compile(r"\b(?:by|until|through)\s+(?:the\s+end\s+of\s+)?$|\bend\s+of\s+$", re.I)


def volume_metric(
metric: str, kind: str, w: Window, product: str | None, company: str | None, found: bool, time: TimeMention | None,
    n: NumberMention | None = None, figures: list[NumberMention] | None = None,
) -> str:
    """Cumulative or per-period, and whether the vehicles counted are EVs at all."""
    segment = w.before + " " + w.after
    kind_of_car = {"ev_sales_volume": "ev", "electrified_sales_volume": "electrified"}.get(metric) or powertrain(segment)
    if kind_of_car is None and (company in lx.EV_ONLY_COMPANIES or product in lx.EV_PRODUCTS):
        kind_of_car = "ev"
    if kind_of_car is None and company in lx.NEV_ONLY_COMPANIES:
        kind_of_car = "electrified"
    if kind_of_car is None and n is not None and (_OF_THEM.match(w.after) or _OF_THOSE_OPENING.match(w.sentence)):
        # "sold 129,000 of them", "Of those, 148,000 went to American buyers": the cars named before
        kind_of_car = last_powertrain(w.sentence[: n.start]) or _powertrain_named(w.context)
    cumulative = _cumulative_cue(w, n, figures or []) or bool(re.search(r"\bcumulative\b", w.clause, re.I))
    if cumulative and kind == "actual" and _period_follows(w, time) and not lx.CUMULATIVE_RE.search(w.before + " " + w.after):
        cumulative = False  # "sold 54,000 Leafs in the year to March, its best year so far": the period wins
    if cumulative and kind == "actual" and _period_opens(w, time) and _ONLY_IN_TOTAL.fullmatch(_cumulative_words(w.sentence)):
        cumulative = False  # "Last year Nissan sold 163,000 electrified vehicles in total": that year's total
    if kind == "actual" and not cumulative and _PERIOD_WORDS.search(w.clause):
        cumulative = False  # "quarterly EV deliveries of 31k units": a period's volume
    elif kind == "actual" and not cumulative:
        # "sold 1.31 million last year" counts a period; "added 45,000 before X replaced it this year" does not.
        between = w.sentence[w.sentence.find(w.after) : time.start] if time is not None else ""
        periodic = (
            found
            and time is not None
            and time.kind in ("absolute", "last", "this", "same", "year_before", "month", "fy_month")
            and not re.search(r"\b(?:end|by)\b", time.text, re.I)
            and not _UNTIL_BEFORE.search(w.sentence, max(0, time.start - 25), time.start)
            and not re.search(r"\b(?:before|after|when|until|since|replaced)\b", between, re.I)
        )
        # "Sales of the Sakura reached 34,083 units in fiscal 2023": a total reached within a fiscal year is that
        # year's sales (a milestone since launch is never dated by a fiscal year)
        fiscal_period = time is not None and time.fiscal and _period_follows(w, time)
        cumulative = not periodic or (not fiscal_period and bool(_CUMULATIVE_VERB.search(_own_text(w, n, figures or []))))
    if kind_of_car is None or kind_of_car == "combustion":
        return ""
    if cumulative:
        return "cumulative_sales"
    return "electrified_sales_volume" if kind_of_car in ("electrified", "epower") else "ev_sales_volume"


def _powertrain_named(text: str) -> str | None:
    """The kind of car the sentence before counted: "700,000 Leafs have been sold. Europe has taken 286,200 of them"."""
    return last_powertrain(text) or ("ev" if any(p.name in lx.EV_PRODUCTS for p in find_products(text)) else None)
