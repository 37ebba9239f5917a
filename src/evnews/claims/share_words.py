"""What the words around a percentage say about whose share it is: a market's, a segment's, a law's quota,
or a company's own sales mix (read by `frames._frame_percent`)."""

from __future__ import annotations

import re

from evnews.claims.mentions import find_regions
from evnews.claims.needle_pattern import NeedlePattern
from evnews.claims.prefilter import with_first_char_guard

# A share whose subject is a segment or a market, not a company's sales.
SEGMENT_SUBJECT = with_first_char_guard(re.compile(
    r"\b(?:segment|category|class|industry|market)\s+(?:(?:now|still|alone|already|only)\s+)?"
    r"(?:makes?\s+up|made\s+up|accounts?\s+for|accounted\s+for|represents?|represented|is|was|comprises?)\s+"
    r"(?:(?:only|just|about|around|roughly|nearly|almost|some|over|more\s+than|less\s+than)\s+)*$",
    re.I,
))
REGULATION = with_first_char_guard(re.compile(
    r"\b(?:mandate|regulations?|rules?|law|quota|legislation|requirements?|standards?)\b[^.;]{0,60}\b"
    r"(?:requir\w*|forc\w*|oblig\w*|must|sets?)\b[^.;]{0,20}$",
    re.I,
))
# A share of everybody's sales: no possessive, a generic car noun ("of global car sales", "of new cars
# sold", "new cars registered"), so a market statistic or a forecast for the industry.
MARKET_DENOMINATOR = with_first_char_guard(re.compile(
    r"^\s*(?:of\s+)?(?:all\s+)?(?:the\s+)?(?:(?:global|world(?:wide)?|total|overall|national|European|Chinese|US|UK|"
    r"Japanese|Indian)\s+)?(?:new[\s-]+)?(?:car|vehicle|auto|passenger[\s-]car)s?\s+(?:sales|sold|registered|registrations|bought|"
    r"market)\b|^\s*of\s+(?:all\s+)?(?:the\s+)?new[\s-]+registrations\b",  # "1 per cent of new registrations": nobody's own
    re.I,
))
# "57% of the Japanese EV market", "41% of Europe's electric van segment".
OF_A_MARKET = with_first_char_guard(re.compile(r"^\s*of\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}(?:market|segment)\b", re.I))
# "of new models", "of all its new cars", "of new Nissan, Infiniti and Datsun models"
OF_NEW_VEHICLES = with_first_char_guard(re.compile(
    # "of new Nissans in its key markets": a brand's plural names its cars
    r"^\s*of\s+(?:all\s+)?(?:its\s+|the\s+)?(?:new\s+)?(?:[\w-]+(?:,\s*|\s+(?:and|&)\s+|\s+)){0,5}?(?:models|cars|vehicles|(?-i:[A-Z][a-z]+s))\b", re.I
))
# "57% of Japanese EV sales", "a fifth of global battery-electric registrations": a company's share of
# the electric car market (no possessive: "of its EV sales" is the company's own mix).
OF_EV_MARKET_SALES = with_first_char_guard(re.compile(
    r"^\s*of\s+(?:all\s+)?(?:the\s+)?(?:(?:(?![\w.]*['’]s\b)[A-Z][\w.]*|global|world(?:wide)?|domestic|national|local|overall|total)\s+){0,2}"
    r"(?:new\s+)?(?:EVs?|BEVs?|electric(?:[\s-](?:car|vehicle)s?)?|battery[\s-]electric(?:\s+(?:car|vehicle)s?)?|"
    r"zero-emission(?:\s+(?:car|vehicle)s?)?)\s+(?:sales|registrations|deliveries|market)\b"
))
# "57% of Japan's EV sales", "a third of Europe's electric car registrations": a place's sales are a
# market, so the share is the company's market share (a company's possessive is its own sales mix).
OF_PLACE_SALES = with_first_char_guard(re.compile(
    r"^\s*of\s+(?:the\s+)?(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)['’]s\s+(?:[\w-]+\s+){0,3}?"
    r"(?:sales|registrations|deliveries|market)\b"
))


def of_a_place(after: str) -> bool:
    m = OF_PLACE_SALES.match(after)
    return m is not None and any(r.name not in ("global", "home") for r in find_regions(m.group("place")))


SHARE_RISES_TO = with_first_char_guard(re.compile(
    r"\b(?:share|mix)\b[^.;]{0,80}\b(?:to|reach(?:es|ing)?|hit(?:s|ting)?|at|of|be|exceed(?:s|ing)?|top(?:s|ping)?)\s*$|"
    r"\b(?:electrified|electric|EV|sales)\s+mix\s*$",  # "a global electrified mix above 55 per cent"
    re.I
))
# The words that qualify a figure ("more than", "between ... and"), which stand between a verb and its number:
# "a share of more than 75%" is read as "a share of 75%".
FIGURE_QUALIFIER_TAIL = with_first_char_guard(re.compile(
    r"\b(?:between|from|(?:more|less|fewer)\s+than|at\s+(?:least|most)|just\s+(?:over|under)|over|under|above|up\s+to|"
    r"as\s+much\s+as|about|around|roughly|some|nearly|almost|approximately|close\s+to)\s+$",
    re.I,
))


def without_qualifier(text: str) -> str:
    m = FIGURE_QUALIFIER_TAIL.search(text, max(0, len(text) - 30))  # the longest qualifier is shorter than that
    return text[: m.start()] if m else text


# A 100 % EV share stated in words: "plans to sell only electric cars".
_ONLY_EV = NeedlePattern.of(
    r"\b(?:sell|selling|sales\s+of)\s+only\s+(?:(?:fully|purely|all)[\s-]+)?(?:electric|battery[\s-]electric|EVs?|zero-emission)|"
    # "every car it sells in Europe will be fully electric by 2030", "every new Nissan sold here will be electric"
    r"\b(?:every|each)\s+(?:[\w-]+\s+){0,2}?(?:car|vehicle|model|(?-i:[A-Z][\w-]+))\s+(?:(?:it|they|we)\s+(?:sells?|sold)|sold)\b[^.;]{0,40}?\b(?:will|would|is\s+to|must|should)\s+be\s+"
    r"(?:fully\s+|all[\s-]|purely\s+|100%\s+)?(?:electric|battery[\s-]electric|zero-emission)\b",
    re.I,
)


# A 100 % connected share stated in words: "every new Nissan in its key markets is to be a connected car".
_ALL_CONNECTED = NeedlePattern.of(
    r"\b(?:every|each|all)\s+new\b[^.;]{0,50}?\b(?:is|are|will|would|must)\s+(?:also\s+|all\s+)?(?:to\s+)?be\s+(?:a\s+|fully\s+)?connected\b",
    re.I,
)


def whole_share_at(clause: str) -> tuple[int, str] | None:
    """Where words stating a 100 % share start in the clause, and the share's metric, or None: 'plans to sell
    only electric cars', "every Nissan car we sell in Europe will be fully electric", "every new model is to
    be a connected car"."""
    m = _ONLY_EV.search(clause)
    if m:
        return m.start(), "ev_sales_share"
    m = _ALL_CONNECTED.search(clause)
    return (m.start(), "connected_share") if m else None


def may_state_whole_share(text: str) -> bool:
    """False when no part of the text can state a 100 % share in words (it lacks the words one needs):
    a sentence that fails this needs no clause-by-clause look."""
    return _ONLY_EV.pattern_for(text) is not None or _ALL_CONNECTED.pattern_for(text) is not None


# ", where the goal was cut as local brands take a growing share of the market": an aside closing the
# sentence after the figure speaks of something else (here the market), not of what the figure counts.
_TRAILING_ASIDE = re.compile(r",\s+(?:where|whereas|while)\s+[^,;]*$", re.I)


def without_trailing_aside(clause: str, lead: str) -> str:
    """The clause of a figure without an aside that closes it after the figure (`lead` is the clause up to the figure)."""
    tail = clause[len(lead) :]
    aside = _TRAILING_ASIDE.search(tail)
    return clause if aside is None else lead + tail[: aside.start()]


# "half of all Infinitis sold globally are expected to be electrified": the participle after the share's "of"
# phrase says which sales the share is of, it is not the statement's verb.
_DENOMINATOR_PARTICIPLE = with_first_char_guard(re.compile(
    r"^[^,;]{0,20}?\bof\s+(?:all\s+)?(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:sold|bought|registered|delivered)\b(?!\s+(?:in|during|over)\s+(?:20\d\d|last|the\s+(?:first|last|past)))",
    re.I,
))


def statement_after(after: str) -> str:
    """The text after a share's figure without the words naming its denominator ("of all cars sold"), where
    the cue of the statement is looked for."""
    m = _DENOMINATOR_PARTICIPLE.match(after)
    return after[m.end() :] if m else after
