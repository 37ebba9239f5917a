"""What the text around one number says: its window, whether it is a number at all,
and the small inferences that read neighbouring numbers ("55% in Japan", "19 by 2030").

Pure functions of one sentence (and the article text for the focus company).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from evnews.claims import attribution as at
from evnews.claims import former_words as fw
from evnews.claims import lexicon as lx
from evnews.claims.coordination import own_powertrain_share
from evnews.claims.frames import Frame, Window, frame_number
from evnews.claims.mentions import Mention, company_names, find_companies, find_products, find_regions, find_sites
from evnews.claims.numbers import NumberMention, is_year
from evnews.claims.needle_pattern import NeedlePattern
from evnews.claims.prefilter import with_first_char_guard
from evnews.models import Claim

SEGMENT_BREAK = with_first_char_guard(re.compile(r"[,;](?!\d)|[()\[\]]|\s[-–—]\s|—"))
_NAME_BEFORE = re.compile(r"(?<=\w\s)([A-Z][\w.-]*[A-Za-z])\s$")
_NOT_NAMES = frozenset("About Around Some Nearly Over More Only Just Almost Roughly Approximately Up In By To Of".split())
_RELATIVE_CLAUSE = at.RELATIVE_CLAUSE
# Someone else's estimate of the company's figure: "we model Nissan's EV mix at 12%", "analysts expect ...".
ESTIMATE = with_first_char_guard(re.compile(
    r"\b(?:we|analysts?|brokers?|brokerages?|economists|consensus|the\s+bank|strategists?|researchers?|consultants?|"
    r"consultancy|(?:an?|the|one)\s+(?:[\w-]+\s+)?(?:brokerage|consultancy|research\s+firm|analyst))"
    r"(?:\s+(?:at|from|with)(?:\s+[\w&.'’-]+){1,4}?)?\s+(?:now\s+|also\s+)?"
    r"(?:model(?:s|led|ed)?|forecast(?:s|ed)?|estimate[sd]?|project(?:s|ed)?|see|sees|expect(?:s|ed)?|predict(?:s|ed)?|"
    r"reckon(?:s|ed)?|believe[sd]?|think|thinks|calculate[sd]?|put)\b|"
    # the writer's own reckoning: "my own back-of-envelope count", "I'd be surprised if", "my guess is"
    r"\b(?:my|our)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:count|estimate|guess|maths?|math|reckoning|calculation|tally|sums?|"
    # a forecaster's own numbers: "our base case has ... at 38 per cent", "our central scenario"
    r"(?:base|upside|downside|bull|bear|central)[\s-]+case|forecasts?|projections?|scenarios?)\b|"
    r"\bI(?:['’]d|\s+would)\s+be\s+surprised\b|\bI\s+(?:think|reckon|suspect|doubt|guess|estimate|expect)\b",
    re.I,
))
# "we expect the electrified share of our sales to exceed 55%": a "we" that owns the figure is the company speaking
_OUR_OWN = re.compile(r"\bour\b", re.I)


def is_estimate(before: str) -> bool:
    """Someone else's estimate stands before the figure (the words of its clause up to it), not the company's own
    word: "we model Nissan's EV mix at 12%" is an analyst's, "we expect our sales to grow 20%" the company's."""
    m = ESTIMATE.search(before)
    if m is None:
        return False
    speaker_is_we = m.group(0)[:2].lower() == "we"
    return not (speaker_is_we and _OUR_OWN.search(before, m.end()))


# "YOKOHAMA, Japan, Nov 29 (AAW) - ", "LONDON, September 25, 2023 - ", "TOKYO (Reuters) - ",
# "SUNDERLAND - ": where a story was filed, with or without its date and agency.
DATELINE = with_first_char_guard(re.compile(
    r"^[A-Z][A-Z.'-]{2,}(?:\s[A-Z][A-Z.'-]+){0,2}(?:,\s+[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?\s*(?:\([A-Za-z .]+\))?\s*[-–—]\s"
))


def blank_dateline(text: str) -> str:
    """The sentence with its dateline blanked (same length); "BYD - the Chinese ..." is no dateline."""
    m = DATELINE.match(text)
    if m is None or find_companies(m.group(0)):
        return text
    return " " * m.end() + text[m.end() :]


def focus_company(text: str, title: str | None) -> str:
    """The company an article is mostly about (its title counts double)."""
    counts: Counter[str] = Counter()
    for chunk, weight in ((title or "", 2), (text, 1)):
        for name in company_names(chunk):
            counts[name] += weight
        for product in find_products(chunk):
            counts[product.company] += weight
    return counts.most_common(1)[0][0] if counts else "Nissan"


# A claim is a company's (claims.md): an article must name a carmaker, a model or technology of one,
# or at least speak of "the carmaker", to carry any. "The alliance", "the partners" and "the three"
# name the Renault-Nissan-Mitsubishi alliance only beside one of its members ("the Alliance for
# American Manufacturing" is none of them), and solid-state batteries are every battery maker's
# subject, not one carmaker's.
_ALLIANCE_MEMBER = re.compile(r"\b(?:Renault|Nissan|NISSAN|Mitsubishi)\b")
# "the Japanese carmaker": a story about a carmaker it does not name still is one
_CARMAKER_WORD = re.compile(r"\b(?:car|auto|EV)[\s-]?makers?\b", re.I)
_GENERIC_PRODUCTS = frozenset({"all-solid-state battery"})


def names_a_carmaker(text: str, title: str | None) -> bool:
    """Whether the article names any carmaker or product; without one it has no claims, whatever its numbers."""
    for chunk in (title or "", text):
        if _ALLIANCE_MEMBER.search(chunk) or _CARMAKER_WORD.search(chunk):
            return True
        if any(name != "Alliance" for name in company_names(chunk)):
            return True
        if any(p.name not in _GENERIC_PRODUCTS for p in find_products(chunk)):
            return True
    return False


def plan_end_year(text: str) -> int | None:
    """The end year of a named plan ("M.O.V.E. to 2022"), for "by the end of the plan"."""
    ends = [int(m.group("end") or m.group("end2")) for m in _plan_names(text) if m.group("end") or m.group("end2")]
    return ends[-1] if ends else None


def masked_spans(sentence: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _plan_names(sentence)]


def _plan_names(text: str) -> list[re.Match[str]]:
    return list(lx.PLAN_NAME_RE.finditer(text)) if lx.PLAN_NAME_YEAR in text else []


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def window(sentence: str, n: NumberMention, numbers: list[NumberMention], context: str) -> Window:
    """The segment around a number (to the next comma, bracket or number) and its clause."""
    cut_before = [m.end() for m in SEGMENT_BREAK.finditer(sentence, 0, n.start)]
    seg_start = cut_before[-1] if cut_before else 0
    nxt = SEGMENT_BREAK.search(sentence, n.end)
    seg_end = nxt.start() if nxt else len(sentence)
    later = [o for o in numbers if o.start >= n.end]
    if later and re.fullmatch(r"\s*(?:and|or|to|-|–)\s*", sentence[n.end : later[0].start]):
        nxt2 = SEGMENT_BREAK.search(sentence, later[0].end)
        seg_end = nxt2.start() if nxt2 else len(sentence)  # "40,000 and 45,000 units"
    elif later:
        seg_end = min(seg_end, later[0].start)
    start, end = at.clause_of(at.clauses(sentence), n.start)
    aside = next((m for m in _RELATIVE_CLAUSE.finditer(sentence) if m.start() <= n.start < m.end()), None)
    if aside is not None:  # the number sits in ", which has said it will launch 30 EV models,"
        start, end, plain = aside.start(), aside.end(), sentence
    else:
        plain = blank_relative_clauses(sentence)
    return Window(
        before=sentence[seg_start : n.start],
        lead=plain[start : n.start],
        rest=sentence[n.end : nxt.start() if nxt else len(sentence)],
        after=sentence[n.end : seg_end],
        clause=plain[start:end],
        sentence=sentence,
        context=context,
    )


# The `$`-anchored tests of `excluded`, compiled behind their first-character guard (issue 9).
# "(about S$780 million)": a country's letters may stand before the dollar sign (S$, A$, HK$, NZ$)
_CONVERSION_BEFORE = with_first_char_guard(re.compile(
    r"\(\s*(?:about|around|roughly|some|approximately|~|or)?\s*(?:[A-Z]{1,3})?$|"
    r",\s*or\s+(?:about|around|roughly|some|approximately|~)?\s*(?:[A-Z]{1,3})?$"
))
_POINTER_BEFORE = with_first_char_guard(re.compile(
    r"\b(?:those|these|the\s+same)\s+$|(?<!on\stop\s)\b(?:of|from|among)\s+(?:the|those|these)\s+$"
))
_POSSESSIVE_BEFORE = re.compile(r"\b(?:its|their|his|her|our)\s+$|['’]s\s+$", re.I)
_RANKED_AFTER = re.compile(r"\s+(?:best[\s-]selling|top[\s-]selling|biggest[\s-]selling|most\s+popular|oldest|existing|current)\b", re.I)
# A figure that opens the sentence as the subject of "is ... more than": arithmetic about a number, not a plan.
_COMPARED_SUBJECT = re.compile(r"\W*(?:(?:a|an|another|the|some|about|around|roughly)\s+)?$", re.I)
_IS_COMPARED = re.compile(
    r"[^,;.]{0,40}?\b(?:is|was|would\s+be|will\s+be|equals|amounts\s+to)\s+[^,;.]{0,40}?"
    r"\b(?:(?:more|less|fewer|bigger|smaller|larger|higher|lower)\s+than|twice|double|the\s+same\s+as|equivalent\s+to)\b",
    re.I,
)
_DURATION_AFTER = re.compile(r"[\s-]+(?:years?|months?|weeks?|days?|decades?|quarters?)\b(?!\s+(?:old|of\s+(?:sales|production)))", re.I)
_DURATION_OR = with_first_char_guard(re.compile(r"\b(?:a|an|one)\s+(?:years?|months?|weeks?|days?)\s+or\s+$", re.I))
_PRICE_BEFORE = with_first_char_guard(re.compile(
    r"\b(?:priced|prices?\s+start(?:ing)?|retail(?:s|ing)?)\s+(?:from|at)\s+(?:about\s+|around\s+|just\s+(?:over|under)\s+)?$", re.I
))
_DETERMINER_BEFORE = with_first_char_guard(re.compile(r"\b(?:that|this|the)\s+$", re.I))


def excluded(sentence: str, n: NumberMention, numbers: list[NumberMention], masked: list[tuple[int, int]]) -> bool:
    """Numbers that are names, years, conversions or former figures."""
    if is_year(n) or inside(n.start, masked):
        return True
    before = sentence[max(0, n.start - 60) : n.start]  # `$`-anchored patterns below: the tail is enough
    name = _NAME_BEFORE.search(before)
    if (
        name
        and not n.unit
        and name.group(1) not in _NOT_NAMES
        and not find_companies(name.group(1))
        and not find_regions(name.group(1))
    ):
        return True  # "Concept 20-23", "Model 3", "Renault 5"
    if n.unit and n.unit != "percent" and _CONVERSION_BEFORE.search(before):
        return any(o.unit and o.unit != "percent" and o.end <= n.start for o in numbers)  # a bracketed conversion
    if n.unit and n.unit != "percent" and _right_after_money(sentence, n, numbers):
        return True  # "2 trillion yen, about $17.6 billion, over five years": the same money in another currency
    if _POINTER_BEFORE.search(before):
        return True  # "those 3 new EVs", "Sixteen of the 30 models": points back at a number stated before
    if _DETERMINER_BEFORE.search(before) and re.match(r"\s*(?:figure|number|total|tally|mark|level)\b", sentence[n.end :]):
        return True  # "That 140,000 figure was ...": a figure stated before, said again
    if n.value == 1 and n.is_word and re.match(r"^\s+of\b", sentence[n.end :]):
        return True  # "one of the first carmakers"
    if n.unit is None and _RANKED_AFTER.match(sentence, n.end) and _POSSESSIVE_BEFORE.search(before):
        return True  # "electric versions of its two best-selling models": models it has, not models to launch
    if n.start < 16 and _COMPARED_SUBJECT.match(sentence[: n.start]) and _IS_COMPARED.match(sentence, n.end):
        return True  # "A million more cars a year is roughly a quarter more than it sells now": a comparison, no claim
    if n.unit is None and (_DURATION_AFTER.match(sentence, n.end) or (" or " in before[-6:] and _DURATION_OR.search(before))):
        return True  # "the amount covers five years", "in a year or two": a length of time, never a count
    if ("rice" in before or "etail" in before) and _PRICE_BEFORE.search(before):
        return True  # "the Leaf, priced from 123,900 zloty": a price, in whatever currency
    if n.unit is None and _may_count_staff(before) and _HEADCOUNT_BEFORE.search(before):
        return True  # "the engine plant employs about 2,000": staff, whatever noun is left out
    return is_former(sentence, n, numbers)


_HEADCOUNT_BEFORE = with_first_char_guard(re.compile(
    r"\b(?:employs|employed|employing|workforce\s+of|headcount\s+of|staff\s+of)\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|"
    r"almost\s+|more\s+than\s+|over\s+|just\s+(?:over|under)\s+)?$",
    re.I,
))


def _may_count_staff(before: str) -> bool:
    """A substring test first: few segments hold these words, and the regex costs more."""
    return any(word in before for word in ("employ", "orkforce", "eadcount", "taff of"))


# "rose to 35,000 from 28,000", "fell 10% to 35,000 from 39,000 in 2022": the figure after "from" is the old level.
_CHANGE_FROM = NeedlePattern.of(
    r"\b(?:rose|fell|grew|climbed|dropped|jumped|slipped|slid|increased|decreased|declined|edged\s+(?:up|down)|up|down)\b"
    r"(?:[^,;.]|[,.](?=\d)){0,40}?\bto\s+(?:[^,;]|,(?=\d)){0,40}?\bfrom\s+(?:about\s+|around\s+|some\s+|just\s+)?$",
    re.I,
)
_COMPARED_TO_KNOWN = with_first_char_guard(re.compile(
    r"(?:\b(?:more|less|fewer|higher|lower|bigger|smaller|larger|greater)\s+than|\babove|\bbelow|\bbeyond|\bshort\s+of)\s+"
    r"(?:the|its|their|Nissan['’]s)\s+$", re.I
))
# ", about $17.6 billion", " – roughly 15.6 billion euros": the same money in another currency
_CONVERSION_GAP = with_first_char_guard(re.compile(r"\s*[,–—-]\s*(?:about|around|roughly|some|approximately|~|or|equal\s+to|worth)\s*", re.I))


def _right_after_money(sentence: str, n: NumberMention, numbers: list[NumberMention]) -> bool:
    money = [o for o in numbers if o.end <= n.start and o.unit and o.unit not in ("percent", n.unit)]
    return bool(money) and _CONVERSION_GAP.fullmatch(sentence[money[-1].end : n.start]) is not None


_LIST_GAP = re.compile(r"^[\w\s'’-]{0,40}?(?:\band|\bor|,)\s*(?:the\s+|some\s+|about\s+|around\s+)?$")


# "Europe: 98 percent, against 75 percent previously": the figure the word after it says was replaced.
_PREVIOUSLY_AFTER = re.compile(r"\s*(?:per\s?cent|percent|%)?\s*(?:previously|formerly|earlier(?=\s*(?:[,;.)]|$)))\b", re.I)
_EARLIER_PERIOD = re.compile(r"\s+(?:in|during)\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?|FY\s?)?(?:19|20)\d\d\b", re.I)


def is_former(sentence: str, n: NumberMention, numbers: list[NumberMention]) -> bool:
    """A figure the text presents as replaced: "up from 15", "against 75% in the old plan", and the
    figures listed with it ("replace the 23 electrified models and 15 EVs")."""
    if fw.SUPERSEDED_BEFORE_RE.search(sentence[max(0, n.start - 40) : n.start]):
        # "20,832 buyers in fiscal 2024, down from 34,083 in fiscal 2023": the level of an earlier period is its result
        return not (n.unit is None and n.value >= 1000 and _EARLIER_PERIOD.match(sentence, n.end))
    if _COMPARED_TO_KNOWN.search(sentence, max(0, n.start - 40), n.start):
        return True  # "slightly more than the 130GWh it set out in 2021": a figure stated elsewhere, compared with
    if fw.FORMER_PLAN_AFTER_RE.match(sentence, n.end) or _PREVIOUSLY_AFTER.match(sentence, n.end):
        return True
    if _CHANGE_FROM.search(sentence, max(0, n.start - 80), n.start):
        return True  # "fell to 35,000 last year from 44,000": the level it moved from
    earlier = [o for o in numbers if o.end <= n.start]
    if not earlier:
        return False
    gap = sentence[earlier[-1].end : n.start]
    return bool(_LIST_GAP.match(gap)) and not at.has_kind_cue(gap) and is_former(sentence, earlier[-1], numbers)


def blank_relative_clauses(text: str) -> str:
    """Hide ", where ... ," asides (same length) so their regions do not scope the main clause."""
    return _RELATIVE_CLAUSE.sub(lambda m: "," + " " * (len(m.group(0)) - 2) + ",", text)


def home_regions(regions: list[Mention], companies: list[Mention], ctx: at.Context) -> list[Mention]:
    """"its home market", "the car's homeland": the home region of the company in question."""
    if not any(r.name == "home" for r in regions):
        return regions
    named = [c.name for c in companies if c.name]
    company = named[0] if named else (ctx.last_subject or ctx.focus)
    home = lx.HOME_REGION.get(lx.NATIONALITY.get(company, ""), "")
    return [replace(r, name=home) if r.name == "home" else r for r in regions if r.name != "home" or home]


def product_near(products: list[Mention], pos: int, w: Window) -> str | None:
    del pos
    for p in products:
        if p.text in w.before or p.text in w.after:
            return p.name
    return products[0].name if products else None


def site_region(text: str, pos: int) -> str:
    """The region of a plant town named in the number's clause ("$1.4 billion in its Smyrna plant")."""
    start, end = at.clause_of(at.clauses(text), pos)
    sites = [x for x in find_sites(text) if start <= x.start < end]
    return sites[0].name if sites else "global"


def coordinated(
    text: str, n: NumberMention, numbers: list[NumberMention], sentence_claims: list[Claim]
) -> Frame | None:
    """"75% of its sales in Europe, more than 55% in Japan and 40% in China": the later
    percentages share the first one's frame when only a region and a qualifier stand between."""
    if n.unit is None and n.value < 200 and re.match(r"^\s*(?:new\s+)?(?:by|in|within|over|before|$)", text[n.end :]):
        return _elliptic_count(text, n, numbers)
    if n.unit != "percent" or not sentence_claims or sentence_claims[-1].unit != "percent":
        return None
    earlier = [o for o in numbers if o.end <= n.start and o.unit == "percent"]
    if not earlier:
        return None
    gap = text[earlier[-1].end : n.start]
    if len(gap.split()) > 9 or re.search(r"[.;]|\bfrom\b|\bthan\s+the\b", gap) or at.has_kind_cue(gap):
        return None
    previous = sentence_claims[-1].metric  # "..., and in the US 40% to be fully electric": its own powertrain
    return Frame((previous.endswith("_sales_share") and own_powertrain_share(text[n.end :])) or previous, "percent")


def _elliptic_count(text: str, n: NumberMention, numbers: list[NumberMention]) -> Frame | None:
    """"Toyota plans 10 battery-electric models by 2026, while Nissan will add 19 by 2030": the bare
    count takes the frame of the model count stated before it in the sentence."""
    for earlier in reversed([o for o in numbers if o.end <= n.start and o.unit is None and o.value < 200]):
        frame = frame_number(earlier, window(text, earlier, numbers, ""))
        if frame is not None and frame.unit == "models" and frame.metric:
            return Frame(frame.metric, "models")
    return None


def split_each(claim: Claim, text: str, n: NumberMention, regions: list[Mention]) -> list[Claim]:
    """"Japan and China account for about 230,000 each": one claim per region."""
    if not re.match(r"^\s*each\b", text[n.end :]):
        return [claim]
    named = [r.name for r in regions if r.start < n.start and r.name != "global"]
    if len(named) < 2:
        return [claim]
    return [replace(claim, region=name) for name in dict.fromkeys(named)]



def may_be_figure(n: NumberMention, time_spans: list[tuple[int, int]], masked: list[tuple[int, int]]) -> bool:
    """False for a number the loop of `extractor._number_claims` passes over first thing: part of a time, a year, a plan's name."""
    return not (inside(n.start, time_spans) or is_year(n) or inside(n.start, masked))


def next_figure(numbers: list[NumberMention], n: NumberMention) -> int | None:
    """Where the next figure of the sentence that is not a year starts."""
    return next((o.start for o in numbers if o.start > n.start and not is_year(o)), None)


_THE_BRANDS = re.compile(r"\bthe\s+brand['’]s\b", re.I)


def brand_in_clause(text: str, pos: int, companies: list[Mention]) -> str | None:
    """"half of Infiniti's sales": a figure about a carmaker's brand names the brand as its product."""
    start, end = at.clause_of(at.clauses(text), pos)
    for c in companies:
        name = c.text.strip().lower()
        plural = name.endswith("s") and name[:-1] in lx.SUB_BRANDS  # "half of all Infinitis sold": the brand's cars
        brand = lx.SUB_BRANDS.get(name[:-1] if plural else name)
        if brand and start <= c.start < end and (plural or re.match(r"['’]s\b|\s+(?:brand|sales)\b", text[c.end :])):
            return brand
    if "brand" in text and _THE_BRANDS.search(text, start, end):
        # "Infiniti, the group's luxury brand, will ..., and half of the brand's global sales": the brand named before
        named = [lx.SUB_BRANDS.get(c.text.strip().lower()) for c in companies if c.start < pos]
        return next((b for b in reversed(named) if b), None)
    return None
