"""Figures that are background, not a carmaker's result: a whole market's sales, a survey's answers,
the period of another figure in the sentence.

Pure functions of one sentence, used by the reader (extractor.py) for actual claims.
"""

from __future__ import annotations

import re

from evnews.claims.mentions import Mention, find_companies, find_products
from evnews.claims.numbers import NumberMention, is_year
from evnews.claims.needle_pattern import NeedlePattern
from evnews.claims.prefilter import with_first_char_guard
from evnews.claims.timex import TimeMention

# "its sales", "they sold": a pronoun that gives a figure an owner
COMPANY_PRONOUN = with_first_char_guard(re.compile(r"\b(?:it|its|they|their|we|our)\b", re.I))
# "a survey of 2,000 drivers found", "a poll by ...": the figures are the respondents', not a carmaker's.
SURVEY = NeedlePattern.of(r"\b(?:survey|poll|questionnaire|study)\b", re.I)
# "the government's electromobility plan talks about one million electric cars by 2025": a policy goal, no carmaker's.
POLICY_PLAN = NeedlePattern.of(
    r"\b(?:government|ministry|state|city|council|regulator|European\s+Commission)['’]s\s+(?:[\w-]+\s+){0,3}?"
    r"(?:plan|target|goal|strategy|programme|program|roadmap|policy|ambition|scheme|subsidy|subsidies|incentives?)s?\b",
    re.I,
)
# A sentence about a whole market ("India's electric car market is small: 82,000 were sold"): with no
# company, product or pronoun for one, its figures are nobody's claim.
_MARKET_SUBJECT = NeedlePattern.of(r"\b(?:market|industry|segment)\b", re.I)
# "a kei car for the Japanese market": where a car is meant to be sold, not a market as the sentence's subject
_FOR_A_MARKET = re.compile(r"\bfor\s+the\s+(?:[\w-]+\s+){1,2}market\b", re.I)
# "The Faraday Institution has estimated ...": a body that makes no cars speaks
_THIRD_PARTY_SUBJECT = re.compile(
    # "Separately, the federal government plans ...": a story turns to another actor
    r"^\W*(?:(?:Separately|Meanwhile|Elsewhere|Also|However|In\s+contrast|At\s+the\s+same\s+time),\s+)?"
    r"(?:[\w'’-]+\s+){0,4}?(?:Institution|Institute|[Gg]overnment|[Mm]inistry|[Aa]gency|[Rr]egulators?|[Cc]ommission|"
    r"[Cc]ouncil|[Aa]uthorit(?:y|ies)|[Aa]nalysts|[Rr]esearchers|[Ff]orecasters|[Tt]hink[\s-]tank|[Uu]niversity|[Cc]onsultancy|"
    # "Charging firm Ionity aims ...", "energy company Octopus plans ...": firms of other trades, and their names
    r"(?:[Cc]harging|[Ee]nergy|[Uu]tility|[Pp]ower|[Ee]lectricity|[Gg]rid|[Oo]il|[Mm]ining|[Ll]ithium|[Ss]oftware|[Tt]ech|"
    r"[Rr]ide-hailing|[Ll]easing|[Rr]ental|[Ii]nsurance)\s+(?:firm|company|group|provider|operator|network|giant|start-?up)"
    r"(?:\s+[A-Z][\w&.'’-]*){0,3})\b"
    # "the Borough Council's cabinet has approved": the body's own board or cabinet speaks for it
    r"(?:['’]s\s+(?:cabinet|board|committee|executive|ministers|officials))?"
    r"(?:,[^,]{0,40},)?\s+(?:has|have|had|is|are|was|were|will|would|says|said|wants|expects|estimates?|estimated|forecasts?|"
    r"predicts?|predicted|projects?|projected|believes?|thinks?|plans?|planned|aims?|aimed|intends?|hopes?|pledged|"
    r"pledges|promised|promises|committed|commits|targets|spent|spends|invested|invests)\b"
)
# "Sales of electric cars in Europe rose to 2 million": a whole market's figure, when no carmaker owns it.
GENERIC_VEHICLES = with_first_char_guard(re.compile(
    r"\b(?:(?:battery[\s-])?electric|EV|BEV|plug-in|new[\s-]energy|zero-emission)\s+(?:cars?|vehicles?|models?|sales|registrations)\b|"
    r"\b(?:EVs|BEVs|NEVs|PHEVs)\b|\bnew[\s-]car\s+(?:sales|registrations|market)\b",
    re.I,
))


def names_a_market(text: str) -> bool:
    """A market, industry or segment the sentence is about (not one a car is meant for)."""
    return _MARKET_SUBJECT.search(_FOR_A_MARKET.sub("", text)) is not None


def third_party_statement(text: str) -> bool:
    """A statement of a body that makes no cars: a public body, analysts, a survey, a policy plan."""
    return bool(_THIRD_PARTY_SUBJECT.match(text) or SURVEY.search(text) or POLICY_PLAN.search(text))


_AS_OF_BEFORE = re.compile(r"\b(?:by|as\s+of|at|until)\s+(?:the\s+end\s+of\s+)?$", re.I)


def market_statistic(text: str, regions: list[Mention]) -> bool:
    """A sentence about all electric cars of a place, with no carmaker, product or pronoun to own it."""
    return bool(GENERIC_VEHICLES.search(text)) and any(r.name != "home" for r in regions)


def market_clause(clause: str) -> bool:
    """"The market for EVs in Japan grew to 90,000 units, and Nissan's share was 50%": a clause whose
    subject is a market and that names no carmaker, product or pronoun ("the home market of Norway took
    5,000 Ariyas" is the Ariya's)."""
    if find_companies(clause) or find_products(clause) or COMPANY_PRONOUN.search(clause):
        return False
    return bool(re.match(r"^\W*(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:market|industry|segment)\b", clause, re.I))


_END_OF = re.compile(r"\bend\s+of\s+(?:the\s+)?$", re.I)


def period_of_other_figure(time: TimeMention | None, n: NumberMention, numbers: list[NumberMention], text: str) -> bool:
    """A period ("last year", "in 2023") dates another figure when that one stands between it and this
    one, or shares its comma-delimited segment and this one does not."""
    if time is None or time.background or re.search(r"\b(?:end|by|since)\b", time.text, re.I):
        return False
    if _END_OF.search(text, max(0, time.start - 12), time.start):
        return False  # "for the end of fiscal 2024": a point in time every total of the list is counted to
    if _AS_OF_BEFORE.search(text[max(0, time.start - 30) : time.start]):
        return False  # "by the end of fiscal 2024 it counted 286,200 in Europe, 221,300 in ...": a date totals are as of
    # "passed one million ... across all its models in 2023": "all" before a noun counts nothing of its own
    figures = [o for o in numbers if not is_year(o) and o.text.lower() != "all"]
    low, high = sorted((time.start, n.start))
    if any(low < o.start < high and o is not n for o in figures):
        return True
    start = max((m.end() for m in re.finditer(r"[,;]\s", text[: time.start])), default=0)
    stop = text.find(",", time.end)
    here = [o for o in figures if start <= o.start < (stop if stop >= 0 else len(text))]
    return bool(here) and n not in here
