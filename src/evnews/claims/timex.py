"""Time expressions: find them in a sentence and resolve them to a year.

A `TimeMention` is absolute ("2030", "FY2030", "fiscal year 2026", "the
business year starting April 2028", "the summer of 2027"), relative to an
anchor year ("next year", "within five years", "by the end of the
decade", "last spring"), a pointer to the time named just before ("at
around the same time", "over the same period"), the end of a named plan
("by the end of the plan"), or open-ended ("eventually").

Mentions that date something else than the claim (an announcement, a past
launch: "announced in February", "on sale since 2010") are marked as
background: they never become a horizon, but an announcement's year is the
anchor for relative phrases in the same statement.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from evnews.claims.memo import per_article
from evnews.claims.needle_pattern import NeedlePattern
from evnews.claims.prefilter import fold, holds_any, required_strings, with_first_char_guard

_MONTHS = (
    "january february march april may june july august september october november december".split()
)
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "a": 1, "a couple of": 2, "a few": 3, "several": 3,
}  # fmt: skip
_MONTH_COUNTS = {"six": 6, "nine": 9, "twelve": 12, "eighteen": 18, "twenty-four": 24}
_N = r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    text: str
    kind: str  # absolute | relative | decade | same | plan_end | open | month
    year: int | None = None  # absolute year, or offset for `relative`
    fiscal: bool = False
    month: int | None = None  # for a month named without a year
    background: bool = False  # dates an announcement or a past launch, not the claim
    announcement: bool = False  # dates the announcement a statement reports
    future: bool = False  # a month named under a modal or plan verb ("is due to open by March"): the next one


# "over the three years to fiscal 2026" names its end: the year after "to" is the horizon, not three years on
_UP_TO_A_YEAR = r"\s+(?:to|through|until|ending)\s+(?:(?:the|end|of|in|fiscal|financial|business|year|FY)\s+|" + MONTH + r"\s+)*(?:FY\s?)?(?:19|20)\d\d\b"

# (pattern, kind, fiscal, triggers). Earlier patterns win where spans overlap. A pattern is tried only
# when one of its trigger strings occurs in the lower-cased sentence: most sentences hold few time
# words, and a substring test is far cheaper than a regex pass (issue 9).
_PATTERNS: tuple[tuple[str, str, bool, tuple[str, ...]], ...] = (
    (r"between\s+(?:fiscal\s+(?:year\s+)?|FY\s?)?20\d\d\s+and\s+(?P<f>fiscal\s+(?:year\s+)?|FY\s?)?(?P<y>20\d\d)", "absolute", False, ("between",)),
    # "between FY24 and FY30", "from FY2024 to FY2030", a table label's "FY2024 to FY2030": a span's end
    (r"\b(?:(?:between|from)\s+)?FY\s?'?(?:20)?\d\d\s+(?:and|to|through)\s+(?P<f>FY\s?'?)(?P<y>20\d\d|\d\d)\b", "absolute", False, ("fy",)),
    # "34 electrified models from fiscal 2024 to fiscal 2030": the plan period's end, not its start (a bare
    # "slip from 2025 to 2026" is a date moved, read by the patterns below)
    (r"\bfrom\s+fiscal\s+(?:year\s+)?20\d\d\s+(?:to|through|until)\s+(?P<f>fiscal\s+(?:year\s+)?)(?P<y>20\d\d)\b", "absolute", False, ("from",)),
    (r"(?:the\s+)?(?:business|financial)\s+year\s+(?:starting|beginning|from)\s+(?:in\s+)?(?:" + MONTH + r"\s+)?(?P<y>20\d\d)", "absolute", True, ("year",)),
    (r"(?:the\s+)?(?:(?:business|financial|fiscal)\s+)?year\s+(?:(?:that|which)\s+(?:ends|ended|will\s+end)|ending|to|through)\s+(?:in\s+|on\s+)?(?:" + MONTH + r"\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)?(?P<y>20\d\d)", "fy_ending", True, ("year",)),
    # "the fiscal year that ended in March", "the year to March": the fiscal year whose end month is named,
    # counted back from the text's date like any month, then named (as Japanese firms do) by its first year.
    (r"(?:the\s+)?(?:(?:business|financial|fiscal)\s+)?year\s+(?:that\s+|which\s+)?(?:ended|ending|closed|to|through)\s+(?:in\s+|on\s+|at\s+the\s+end\s+of\s+)?(?P<fm>" + MONTH + r")(?![a-z])(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?!,?\s+\d)", "fy_month", True, ("year",)),
    # "the 2028 financial year", "its 2022 fiscal year"
    (r"\b(?P<y>20\d\d)[\s-]+(?:business|financial|fiscal)\s+year\b", "absolute", True, ("year",)),
    (r"\bFY\s?'?(?P<y>20\d\d|\d\d)\b", "absolute", True, ("fy",)),
    (r"\bfiscal(?:[\s-]+year)?\s+(?P<y>20\d\d)\b", "absolute", True, ("fiscal",)),
    (r"\b(?:the\s+)?(?:end|middle|start|beginning|summer|spring|autumn|fall|winter|first\s+half|second\s+half)\s+of\s+(?:" + MONTH + r"\s+)?(?P<y>20\d\d)\b", "absolute", False, ("20", "19")),
    (r"\b(?:mid|late|early)[\s-](?P<y>20\d\d)\b", "absolute", False, ("20", "19")),
    (r"\b(?:the\s+)?(?:middle\s+of\s+the\s+|mid-?)(?P<decade>20\d0)['’]?s\b", "mid_decade", False, ("20",)),
    (r"\b" + MONTH + r"\s+(?:\d{1,2},?\s+)?(?P<y>(?:19|20)\d\d)\b", "absolute", False, ("20", "19")),
    (r"\b(?:the\s+)?year\s+(?P<y>20\d\d)\b", "absolute", False, ("year",)),
    (r"(?<![\w$£€¥.,-])(?P<y>(?:19|20)\d\d)(?![\w%,.]\d|\s*(?:%|per\s?cent|million|billion|units|vehicles|cars|models))\b", "absolute", False, ("20", "19")),
    (r"\b(?:by|before|at)\s+the\s+end\s+of\s+the\s+decade\b|\bby\s+decade[\s-]end\b|\bby\s+the\s+decade'?s\s+end\b|\bby\s+the\s+turn\s+of\s+the\s+decade\b", "decade", False, ("decade",)),
    (r"\b(?:within|in|over|during)\s+(?:the\s+)?(?:next|coming|following)\s+" + _N + r"\s+(?P<f>(?:fiscal|financial|business)\s+)?years?\b", "relative", False, ("year",)),
    (r"\bwithin\s+(?:the\s+)?(?:about\s+|around\s+|roughly\s+|some\s+)?" + _N + r"\s+years?\b", "relative", False, ("year",)),
    (r"(?<!just\s)(?<!little\s)\bover\s+(?:the\s+)?" + _N + r"\s+years?\b(?!\s+(?:after|ago|since|before|of|later|earlier)\b|" + _UP_TO_A_YEAR + ")", "relative", False, ("year",)),
    (r"\bin\s+" + _N + r"\s+years'?\s+time\b", "relative", False, ("year",)),
    (r"\b(?:within|in|over)\s+(?:the\s+)?(?:next\s+|coming\s+|first\s+)?(?P<months>\d{1,2}|six|nine|twelve|eighteen|"
     r"twenty-four)\s+months\s+(?:of|after|from)\s+(?:the\s+)?(?:plan['’]s|its|the\s+plan['’]s|the\s+programme['’]s)\s*"
     r"(?:launch|start|announcement|unveiling|presentation|introduction)\b", "plan_months", False, ("month",)),
    (r"\b(?:within|in|over)\s+(?:the\s+)?(?:next\s+|coming\s+)?(?P<months>\d{1,2}|six|nine|twelve|eighteen|twenty-four)\s+months\b"
     r"(?!\s+(?:ago|earlier|later|before|after|since))", "months", False, ("month",)),
    (r"\bwithin\s+next\s+" + _N + r"\s+years?\b", "relative", False, ("year",)),
    (r"\b(?:within|in)\s+(?:a|the\s+next)\s+decade\b", "ten_years", False, ("decade",)),
    (r"\bin\s+the\s+(?:first|second|third|fourth|last|latest)\s+quarter\s+of\s+(?P<y>20\d\d)\b", "absolute", False, ("quarter",)),
    # "in the period", "over the period": the period the text has just named (a results story's year or quarter)
    (r"\b(?:in|over|during|for)\s+the\s+period\b", "same", False, ("period",)),
    (r"\bin\s+the\s+(?:(?:first|second|third|fourth|last|latest|April-June|July-September|October-December|January-March)\s+)?(?:quarter|period|half)\b", "this", False, ("quarter", "period", "half")),
    (r"\bnext\s+(?:(?P<f>fiscal\s+)?year|spring|summer|autumn|fall|winter)\b", "next", False, ("next",)),  # "next spring": the next year
    (r"\b(?:later|earlier)?\s*this\s+(?:(?P<f>fiscal\s+)|calendar\s+)?(?:year|spring|summer|autumn|fall|winter)\b|\bin\s+the\s+coming\s+months\b|\bthis\s+(?:month|quarter)\b|\bin\s+the\s+(?:first|second)\s+half\s+of\s+this\s+year\b|"
     r"\b(?:by|before|at|until|towards?)\s+(?:the\s+)?end\s+of\s+the\s+year\b|\bby\s+year[\s-]end\b|\bthis\s+week\b", "this", False, ("this", "coming", "end")),
    # "by July of last year": the month of the year before the text's, not the last July
    (r"\b(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|(?:the\s+)?end\s+of)\s+(?P<m>" + MONTH + r")\s+(?:of\s+)?last\s+year\b", "month_last_year", False, ("last",)),
    (r"\blast\s+(?P<f>fiscal\s+)?year\b|\ba\s+year\s+ago\b", "last", False, ("last", "year", "ago")),
    (r"\blast\s+(?P<season>spring|summer|autumn|fall|winter)\b", "last_season", False, ("last",)),
    (r"\blast\s+(?:month|week)\b|\bearlier\s+this\s+(?:month|week)\b", "this", False, ("last", "earlier")),
    # "will begin assembling it next month", said in December: January of the next year
    (r"\bnext\s+month\b", "next_month", False, ("next",)),
    (r"\bnext\s+week\b", "this", False, ("next",)),
    (r"\b(?:at\s+)?(?:around\s+|about\s+)?the\s+same\s+time\b|\bby\s+the\s+same\s+(?:[\w-]+\s+)?(?:point|date|time|deadline)\b|\b(?:over|in|during|for)\s+the\s+same\s+(?:\w+\s+)?(?:period|months|weeks|quarters?|years)\b|\bthe\s+same\s+(?:(?:fiscal|financial|business|calendar)\s+)?year\b|\bthat\s+year\b|\bin\s+the\s+same\s+period\b|"
     r"\bby\s+(?:then|that\s+(?:time|point|date))\b", "same", False, ("same", "that", "year", "then")),
    # "52 GWh by fiscal 2026, rising to 130 GWh four years later": counted from the year just named
    (r"\b" + _N + r"\s+years?\s+later\b", "years_later", False, ("later",)),
    # "in the previous business year it sold 34,083", "the 34,083 of the year before": the year before the one just named
    (r"\b(?:the\s+)?(?:previous|prior|preceding)\s+(?P<f>(?:fiscal|financial|business)\s+)?year\b(?!['’])|"
     r"\bthe\s+year\s+before\b(?!\s+last)", "year_before", False, ("previous", "prior", "preceding", "before")),
    (r"\b(?:by\s+)?the\s+end\s+of\s+(?:the|this|our)\s+plan\b|\bby\s+the\s+plan'?s\s+end\b|"
     r"\b(?:over|during|within|in)\s+the\s+(?:life|lifetime|course|span)\s+of\s+(?:the|this|our)\s+plan\b", "plan_end", False, ("plan",)),
    # "could fall to $65 per kWh later": an open date, not the year named before it
    # "and later to $65", "at a later stage"
    (r"\beventually\b|\bin\s+the\s+long\s+(?:run|term)\b|\bone\s+day\b|\bultimately\b|(?<=\s)later(?=\s*[,;.)]|\s+on\b|$|\s+to\s+[$€£¥\d])|"
    r"\bat\s+a\s+later\s+(?:stage|date|point)\b",
     "open", False, ("eventually", "long", "one", "day", "ultimately", "later")),
    (r"\blast\s+(?P<m>" + MONTH + r")(?!\s+\d)", "last_month", False, ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")),
    (r"\b(?:in|by|since|until|the\s+end\s+of|end\s+of)\s+(?:(?:late|early|mid)[\s-]+)?(?P<m>" + MONTH + r")(?!\s+\d)", "month", False, ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")),
)  # fmt: skip
_COMPILED = tuple(
    (with_first_char_guard(re.compile(p, re.I if k not in ("month", "last_month", "month_last_year") else 0)), k, f, t) for p, k, f, t in _PATTERNS
)
# Strings one of which a match of each pattern contains (prefilter.required_strings): a second, exact gate
# behind the triggers ("end", "spring" ... for "the end of 2025", not just the "20" that lets it through).
_NEEDED = tuple(
    needles if not {text for text, _ in needles} <= set(triggers) else frozenset()  # no second look for the same words
    for needles, triggers in ((required_strings(pattern), triggers) for pattern, _, _, triggers in _COMPILED)
)
# trigger -> the patterns it lets through, so a sentence visits only the patterns its words allow
_PATTERNS_OF: dict[str, frozenset[int]] = {
    t: frozenset(i for i, (_, _, _, triggers) in enumerate(_COMPILED) if t in triggers)
    for t in {t for _, _, _, triggers in _COMPILED for t in triggers}
}

# A verb right before a time that dates a past launch or the announcement itself.
_LAUNCH_BEFORE = with_first_char_guard(re.compile(
    # "to be launched within 18 months" is a plan: only a past launch dates background
    r"\b(?:since|(?<!be\s)launched|(?<!be\s)introduced|(?<!be\s)debuted|went\s+on\s+sale|(?:been|was|were)\s+on\s+sale|first\s+(?:went\s+on\s+sale|sold|delivered)|"
    r"founded|established|came\s+out|was\s+launched|(?:its|the|original)\s+launch)\b[^,;]{0,60}$",
    re.I,
))
# Tried only on texts holding one of its verbs (needle_pattern.NeedlePattern): most times have none before them.
_BACKGROUND_BEFORE = NeedlePattern.of(
    r"\b(?:announced|said|promised|pledged|stated|confirmed|reported|published|set\s+out|laid\s+out|unveiled|revealed|"
    r"presented|talked\s+about|declared|told\s+\w+|debuted|released)\s+"
    r"(?:(?!(?:it|that|they|he|she|we|will|would|to|plans?|aims?|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|forty|fifty)\b)[A-Za-z'’-]+\s+){0,4}$|"
    # "set out its own plan in November", "drew up the strategy in 2017": the date of a plan's announcement
    r"\b(?:set\s+out|laid\s+out|unveiled|announced|presented|published|dr[ae]w\w*\s+up|outlined)\s+(?:its|the|an?|their|his|her)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:plan|strategy|roadmap|programme|program|targets?|goals?)\s+$",
    re.I,
)
# A time at the head of a clause whose verb is an announcement: "Last year, X announced ...".
_ANNOUNCEMENT_AFTER = re.compile(
    r"^\s*,?\s*(?:the\s+)?[^;.\d]{0,70}?\b(?:announced|said|unveiled|pledged|promised|set\s+out|laid\s+out|declared|revealed)\b",
    re.I,
)
# "the 2014 model year", "the 2023 Ariya", "a 2025 Leaf": a year naming a model, after a
# determiner. "By 2025 Nissan wants ..." is a date: no determiner stands before it.
_MODEL_YEAR_AFTER = with_first_char_guard(re.compile(r"^\s*(?:model[\s-]+year|MY\b)|^\s*[A-Z][A-Za-z-]+\b(?!\s+(?:and|to|by|in))"))
# "the original 2021 plan", "its earlier 2018 targets": the year names a former plan, not a deadline.
_FORMER_PLAN_YEAR = with_first_char_guard(re.compile(
    r"\b(?:old|previous|original|earlier|former|prior|initial|superseded)\s+$", re.I
))
# "raise sales by one million compared with fiscal 2023": the year a change is measured from, not its deadline.
_BASELINE_BEFORE = with_first_char_guard(re.compile(
    r"\b(?:compared\s+(?:with|to)|relative\s+to|versus|vs\.?)\s+(?:the\s+)?(?:levels?\s+(?:of|in)\s+)?$", re.I
))
# "plans 27 launches by 2030, after raising the goal in February": the date of an earlier step, not a deadline.
_EARLIER_STEP_BEFORE = with_first_char_guard(re.compile(r"\b(?:after|since)\s+\w+ing\b[^,;.]{0,50}$|\bhaving\s+\w+ed\b[^,;.]{0,50}$", re.I))
_PERIOD_END_BEFORE = with_first_char_guard(re.compile(
    r"\b(?:year|period|months|quarter|half)\s+(?:that|which)?\s*(?:ended|ends|ending|closed|closes|to|through|running\s+to)\s+$",
    re.I,
))
_MODEL_YEAR_BEFORE = with_first_char_guard(re.compile(r"\b(?:the|a|an|its|their|his|her|my|our|your|this|that|whose|every|new|all-new|refreshed|used)\s+$", re.I))
_CLAUSE_HEAD = re.compile(r"\s*(?:In|in|Back\s+in|back\s+in|By|At|Since|Earlier|earlier)?\s*")
_FOUR_DIGITS = with_first_char_guard(re.compile(r"\d{4}"))
_MODEL_NOUN_AFTER = with_first_char_guard(re.compile(r"^\s*(?:model|version|edition|car)\b(?!s)", re.I))  # "whose 2024 model starts at $28,140"


def _year_from(text: str) -> int:
    year = int(text)
    return 2000 + year if year < 100 else year


@per_article
def find_times(sentence: str) -> list[TimeMention]:
    """Time expressions of a sentence, left to right, without overlaps."""
    found: list[TimeMention] = []
    taken: list[tuple[int, int]] = []
    lowered = sentence.lower()
    allowed: set[int] = set()
    for trigger, patterns in _PATTERNS_OF.items():  # each trigger looked up once, not once per pattern
        if trigger in lowered:
            allowed |= patterns
    folded = fold(sentence)
    for index in sorted(allowed):  # in table order: earlier patterns win where spans overlap
        pattern, kind, fiscal, _ = _COMPILED[index]
        if _NEEDED[index] and not holds_any(sentence, folded, _NEEDED[index]):
            continue
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            groups = m.groupdict()
            is_fiscal = fiscal or bool(groups.get("f"))
            year: int | None = None
            month: int | None = None
            kind_here = kind
            if groups.get("y"):
                year = _year_from(groups["y"])
                if kind == "fy_ending":
                    kind_here, year = "absolute", year - 1
            elif groups.get("n"):
                year = _NUMBER_WORDS.get(groups["n"].lower()) or int(groups["n"])
            elif groups.get("fm"):
                month = _MONTHS.index(_month_key(groups["fm"])) + 1
            elif groups.get("m"):
                month = _MONTHS.index(_month_key(groups["m"])) + 1
            elif groups.get("months"):
                # a span in months, resolved against the anchor's month
                month = _MONTH_COUNTS.get(groups["months"].lower()) or int(groups["months"])
            elif groups.get("decade"):
                kind_here, year = "absolute", int(groups["decade"]) + 5
            elif groups.get("season"):
                month = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}[groups["season"].lower()]
            found.append(TimeMention(m.start(), m.end(), m.group(0).strip(), kind_here, year, is_fiscal, month))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda t: t.start)
    return [_mark_future(sentence, _mark_background(sentence, t)) for t in found]


# A verb of plan or schedule before a month: the month is still ahead of the text's date.
_FUTURE_BEFORE = with_first_char_guard(re.compile(
    r"\b(?:will|shall|'ll|(?:is|are)\s+(?:due|set|scheduled|slated|expected|planned|to)|due\s+to|to\s+be|plans?\s+to|aims?\s+to|"
    r"expects?|intends?\s+to)\b[^.;]{0,60}$",
    re.I,
))


def _mark_future(sentence: str, time: TimeMention) -> TimeMention:
    if time.kind == "month" and not time.background and _FUTURE_BEFORE.search(sentence[max(0, time.start - 90) : time.start]):
        return replace(time, future=True)
    return time


def _month_key(text: str) -> str:
    text = text.lower().rstrip(".")
    return next(name for name in _MONTHS if name.startswith(text[:3]))


def _mark_background(sentence: str, time: TimeMention) -> TimeMention:
    before = sentence[: time.start]
    after = sentence[time.end :]
    if _BACKGROUND_BEFORE.search(before[-90:]):  # a `$`-anchored pattern: search only the tail
        return replace(time, background=True, announcement=True)
    if _LAUNCH_BEFORE.search(before[-90:]):  # "on sale since 2010": dates a launch, not a statement
        return replace(time, background=True)
    clause_start = max(before.rfind(","), before.rfind(";"), -1)
    at_clause_head = not before[clause_start + 1 :].strip(" ,") or _CLAUSE_HEAD.fullmatch(before[clause_start + 1 :])
    if at_clause_head and _ANNOUNCEMENT_AFTER.match(after):
        return replace(time, background=True, announcement=True)
    if _BASELINE_BEFORE.search(before[-40:]) or _EARLIER_STEP_BEFORE.search(before[-70:]):
        return replace(time, background=True)
    if time.kind == "month" and _PERIOD_END_BEFORE.search(before[-40:]):
        return replace(time, background=True)  # "fiscal 2023, the year that ended in March"
    if time.kind == "absolute" and _FOUR_DIGITS.fullmatch(time.text) and _MODEL_NOUN_AFTER.match(after) and _MODEL_YEAR_BEFORE.search(before[-20:]):
        return replace(time, background=True)
    if time.kind == "absolute" and _FORMER_PLAN_YEAR.search(before[-20:]):
        return replace(time, background=True)
    model_year = _MODEL_YEAR_AFTER.match(after)
    if (
        time.kind == "absolute"
        and not time.fiscal
        and model_year
        and _FOUR_DIGITS.fullmatch(time.text)
        and (_MODEL_YEAR_BEFORE.search(before[-20:]) or not model_year.group(0).strip()[:1].isupper())
    ):
        # "the 2014 model year", "the 2023 Ariya": a model's name, not a date.
        return replace(time, background=True)
    return time


def is_deadline_pointer(time: TimeMention) -> bool:
    """"by then", "by the same time": a deadline the text has already stated, so it dates the figures
    next to it but is no new date of its own (for a launch or a start)."""
    return time.kind == "same" and time.text[:3].lower() == "by "


def resolve(time: TimeMention, anchor: dt.date, *, previous: int | None, plan_end: int | None) -> int | None:
    """The calendar (or fiscal) year a time mention points at."""
    year = anchor.year
    if time.kind == "absolute":
        return time.year
    if time.kind == "relative":
        # "over the next three fiscal years", said in March 2024: counted from fiscal 2023, which runs to
        # March (the April-to-March year of the Japanese carmakers the fiscal figures here come from)
        current = year - 1 if time.fiscal and anchor.month <= 3 else year
        return current + (time.year or 0)
    if time.kind in ("months", "plan_months"):
        return year + (anchor.month - 1 + (time.month or 0)) // 12
    if time.kind == "ten_years":
        return year + 10
    if time.kind == "decade":
        return (year // 10 + 1) * 10
    if time.kind == "next":
        return year + 1
    if time.kind == "next_month":
        return year + 1 if anchor.month == 12 else year
    if time.kind == "this":
        if time.text.lower().startswith("last month") and anchor.month == 1:
            return year - 1
        return year
    if time.kind in ("last", "month_last_year"):
        return year - 1
    if time.kind == "last_season":
        return year if (time.month or 0) < anchor.month - 2 else year - 1
    if time.kind == "last_month":  # "last March" said in March 2019 is March 2018
        return year if (time.month or 0) < anchor.month else year - 1
    if time.kind == "month" and time.future:  # "is due to open by the end of March", said in January
        return year if (time.month or 0) >= anchor.month else year + 1
    if time.kind == "month":
        return year if (time.month or 0) <= anchor.month else year - 1
    if time.kind == "fy_month":  # the fiscal year that ended in March 2024 is fiscal 2023
        return (year if (time.month or 0) <= anchor.month else year - 1) - 1
    if time.kind == "same":
        return previous
    if time.kind == "years_later":
        return None if previous is None else previous + (time.year or 0)
    if time.kind == "year_before":
        return None if previous is None else previous - 1
    if time.kind == "plan_end":
        return plan_end
    return None


# "May 2020 — text", "2019: text": a dated entry of a timeline or chronology.
_ENTRY_LABEL = re.compile(r"^\s*(?:(?P<m>" + MONTH + r")\s+)?(?P<y>(?:19|20)\d\d)\s*(?:[—–]|-\s|:\s)")


# "2020" on a line of its own, then "December: Leaf sales pass 500,000": the year over a timeline's entries
_YEAR_HEADING = re.compile(r"\s*(?P<y>(?:19|20)\d\d)\s*")
_MONTH_LABEL = re.compile(r"^\s*(?P<m>" + MONTH + r")\s*(?:[—–]|-\s|:\s)")


def year_heading(line: str, previous: int | None) -> int | None:
    """The year a timeline's month-only entries fall in: set by a line that is only a year, kept until the next."""
    m = _YEAR_HEADING.fullmatch(line)
    return int(m.group("y")) if m else previous


def entry_date(text: str, published: dt.date | None, heading: int | None = None) -> dt.date | None:
    """The date of a timeline entry the text opens with: what its relative phrases ("within 18 months",
    "over five years") count from, instead of the article's date. A label later than the article
    ("2030: all sales electric") is a deadline heading, not an entry. A label of a month alone takes its year
    from the year heading above it."""
    head = text[:24]
    if not ("—" in head or "–" in head or ":" in head or "- " in head) or published is None:
        return None  # most sentences: no label, and no need for the regex
    m = _ENTRY_LABEL.match(text)
    if m is not None:
        month = _MONTHS.index(_month_key(m.group("m"))) + 1 if m.group("m") else 6
        date = dt.date(int(m.group("y")), month, 1)
    else:
        m = _MONTH_LABEL.match(text) if heading is not None else None
        if m is None or heading is None:
            return None
        date = dt.date(heading, _MONTHS.index(_month_key(m.group("m"))) + 1, 1)
    return date if date <= published else None
