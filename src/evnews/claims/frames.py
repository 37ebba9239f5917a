"""Stage 4: which metric a number fills, read from the words around it.

`frame_number` looks at the number's unit, the noun phrase after it
("23 new electrified models", "15 of them fully electric"), the words
before it in the same segment ("the total number of new electrified models
rises to 27") and cue words of its clause, and returns a `Frame` (metric
and unit) or None when the number is no EV claim (jobs, range, prices,
profits, stakes, ...). It never decides company, kind or year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evnews.claims import lexicon as lx
from evnews.claims.milestones import is_stretch_of_count, milestone_metric
from evnews.claims.numbers import NumberMention
from evnews.claims.pointers import funds_models_named_before
from evnews.claims.needle_pattern import NeedlePattern
from evnews.claims.prefilter import with_first_char_guard
from evnews.claims.sales_increase import states_sales_increase
from evnews.claims.share_words import (
    SEGMENT_SUBJECT as _SEGMENT_SUBJECT,
    REGULATION as _REGULATION,
    MARKET_DENOMINATOR as _MARKET_DENOMINATOR,
    OF_A_MARKET as _OF_A_MARKET,
    OF_NEW_VEHICLES as _OF_NEW_VEHICLES,
    OF_EV_MARKET_SALES as _OF_EV_MARKET_SALES,
    of_a_place as _of_a_place,
    SHARE_RISES_TO as _SHARE_RISES_TO,
    without_qualifier as _without_qualifier,
    without_trailing_aside as _without_trailing_aside,
)

_HYBRID = NeedlePattern.of(lx.HYBRID_CUES, re.I)
_EV = with_first_char_guard(re.compile(lx.EV_CUES, re.I))
_EPOWER_ONLY = with_first_char_guard(re.compile(r"e-?POWER|e-?Power|series\s+hybrids?", re.I))
_COMBUSTION = NeedlePattern.of(lx.COMBUSTION_CUES, re.I)
_MODEL_NOUN = with_first_char_guard(re.compile(
    r"\b(?:models?|nameplates|launches|debuts|types\s+of\s+vehicles|vehicle\s+types|EVs|BEVs|vehicles|cars|SUVs|crossovers)\b",
    re.I,
))
# The size of a range, not launches: "trim its line-up by a fifth, to fewer than 55 models".
_LINEUP_SIZE = with_first_char_guard(re.compile(
    r"\b(?:trim|cut|reduc|shrink|slim|streamlin|pare|prun|narrow)\w*\s+(?:(?:its|the|their)\s+)?(?:[\w-]+\s+)?"
    r"(?:line-?up|range|portfolio|model\s+range|offering)\b|"
    # "the global range will be trimmed by a fifth, from 69 models to fewer than 55"
    r"\b(?:line-?up|range|portfolio|offering)\s+(?:will|would|is\s+to|is\s+set\s+to|is\s+being|was|has\s+been)\s+(?:be\s+)?"
    r"(?:trimm|cut|reduc|shrunk|slimm|streamlin|pared|prun|narrow)\w*|\bfrom\s+\d+\s+(?:models\s+)?to\s+(?:\w+\s+){0,2}$", re.I
))
# "8 EVs as part of the 30 new models", "15 EVs, out of 23 electrified ones": the whole after its part names its own powertrain
_WHOLE_AFTER_PART = re.compile(r"\b(?:part\s+of\s+the|out\s+of(?:\s+the)?)\s+$", re.I)
_ONES = re.compile(r"\s*(?:[\w-]+\s+){0,2}ones\b")  # "out of 23 electrified ones": the models just named
_STRICT_MODEL_NOUN = with_first_char_guard(re.compile(r"\b(?:models?|nameplates|types\s+of\s+vehicles|vehicle\s+types)\b", re.I))
_VOLUME_NOUN = re.compile(
    r"^\s*-?\s*(?:(?:new|more|extra|additional|[\w,.-]+)\s+){0,4}(?:vehicles?|cars?|units|EVs|BEVs|Leafs|Ariyas|Sakuras|"
    r"hybrids|PHEVs|sales|sold|deliveries|registrations|electric\s+vehicles|customers|buyers|vans|trucks|pickups|SUVs|"
    r"crossovers|sedans|saloons|hatchbacks|minivans|buses|kei\s+cars|people\s+(?:have\s+|had\s+)?bought|delivered|"
    # cars that went to their buyers: "has found half a million owners", "200,000 had found owners"
    r"owners|(?:have\s+|has\s+|had\s+)?found\s+(?:owners|buyers|homes|customers)|"
    r"of\s+(?:the|those|these)\s+(?:cars|vehicles|units|EVs|vans)|of\s+them)\b",
    re.I,
)
_LAUNCH_VERB = with_first_char_guard(re.compile(
    r"\b(?:launch\w*|introduc\w*|bring\s+out|bringing\s+out|offer\w*|deploy\w*|plans?|planned|roll\w*\s+out|unveil\w*|"
    r"releas\w*|add\w*|coming|due|arriv\w*|build\w*|debut\w*|confirmed|will|would|total|"
    r"include\w*|target\w*|aim\w*|goals?|ambition|pledg\w*|promis\w*|commit\w*|expect\w*|electrified|new|"
    r"ris(?:e|es|ing)\s+to|rose\s+to|grow\w*\s+to|climb\w*\s+to|bring\w*\s+the\s+total\s+to|still\s+stands?|"
    # "that makes three electric models for the site", "three EVs are to be built there": a plant's count to come
    r"(?:that|this|which)\s+makes|(?:to\s+be|will\s+be)\s+built|earmarked)\b",
    re.I,
))
_NUMBER_WORDS = r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)"
_CHILD = with_first_char_guard(re.compile(rf"^\s*(?:of\s+(?:them|those|these|which|the\s+{_NUMBER_WORDS})\b)", re.I))
_CHILD_BEFORE = with_first_char_guard(re.compile(
    # "..., of which 15 will be fully electric", "Of the 30, 16 are to be electrified"
    r"\b(?:of\s+(?:those|these|the)\s+(?:[\w-]+\s+){0,3}(?:models|vehicles|EVs|cars))\s*,?\s*$|\bincluding\s*$|"
    r",\s+of\s+which\s*$|"
    # "Of the 30 new models we will launch by fiscal 2026, 16 are electrified": the models, then what is said of them
    r"(?:^|[:;.]\s+)\W*Of\s+the\s+(?:[\w-]+\s+){0,3}(?:models|vehicles|EVs|cars)\b[^,;.()]{0,60},\s*$|"
    # "Of those, 16 will be electrified and eight will run on batteries alone": each count after the opener
    r"^\W*Of\s+(?:the\s+\d+|those|these|them)\s*,\s*(?:[^;.]*\s(?:and|while|with)\s+)?$|"
    # "sixteen will be electrified (eight fully electric and eight e-POWER hybrids)": a count's breakdown in brackets
    rf"\b{_NUMBER_WORDS}\b[^().;]{{0,50}}\(\s*(?:[^()]*\band\s+)?$", re.I
))
_BODY_STYLE = with_first_char_guard(re.compile(
    r"^\s*of\s+(?:them|those|these|which)\s+(?:[\w-]+\s+){0,2}?(?:SUVs|crossovers|sedans|saloons|pickups|trucks|vans|"
    r"hatchbacks|coupes|kei\s+cars|city\s+cars|sports\s+cars)\b",
    re.I,
))
_NOT_BATTERY_OUTPUT = with_first_char_guard(re.compile(r"\b(?:storage|grid|solar|wind|demand|consum\w+|electricity)\b", re.I))
_GWH = with_first_char_guard(re.compile(r"^\s*(?:GWh|gigawatt[\s-]hours?)\b", re.I))
_PER_KWH = with_first_char_guard(re.compile(r"(?:per|a|an)\s+kilowatt[\s-]hour|(?:per|a)\s+kWh|/kWh", re.I))
_ORDERS = with_first_char_guard(re.compile(r"\borders?\b|\breservations?\b|\bbookings?\b|\bpre-orders?\b|\bproduction\s+of\b", re.I))
# What a plant can make, not what was sold: "has capacity to build 50,000 a year", "wants to be able to
# produce 600,000 EVs", "an annual capacity of 150,000 units". The vocabulary's `other`.
_CAPACITY_BEFORE = with_first_char_guard(re.compile(
    r"\b(?:capacity|able\s+to\s+(?:build|produce|make|assemble)|capable\s+of\s+(?:building|producing|making)|"
    r"can\s+(?:build|produce|make|assemble|turn\s+out))\b[^.;]{0,40}$", re.I  # "the car plant can assemble 150,000 a year"
))
# Counts of units made: "1.5 million units of cumulative production", "output of 300,000 vehicles".
_PRODUCTION_COUNT_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:of\s+)?(?:cumulative\s+|total\s+)?(?:production|output)\b(?!\s+(?:start|begins|capacity))", re.I
)
# "cumulative e-POWER production passed 1.5 million units": the count made, as the subject before it.
_PRODUCTION_COUNT_BEFORE = with_first_char_guard(re.compile(
    r"\b(?:cumulative|total)\s+(?:[\w-]+\s+){0,2}?(?:production|output)\s+(?:has\s+|had\s+|now\s+)*"
    r"(?:passed|topped|reached|exceeded|hit|crossed|surpassed|stood\s+at|stands\s+at|was|is|of|totall?ed|came\s+to)\s+"
    r"(?:(?:more\s+than|over|about|around|nearly|almost|some|roughly|just\s+over)\s+)?$",
    re.I,
))
# "a project the company says will be worth £1 billion", "the scheme now adds up to £3bn": what a project costs.
_PROJECT_WORTH = with_first_char_guard(re.compile(
    r"\b(?:project|scheme|programme|program|hub|expansion|package)\b[^.;]{0,60}\b(?:worth|valued\s+at|adds?\s+up\s+to|"
    r"added\s+up\s+to|amounts?\s+to|amounted\s+to|totals?|totall?ed|totall?ing|costs?|costing)\s+$",
    re.I,
))
_EQUIPPED_WITH_IT = with_first_char_guard(re.compile(r"\b(?:equipped|fitted)\s+with\s+(?:it|them|the\s+system)\b", re.I))
# Production counts so far ("has built more than 175,000 Leafs", "produced its 50,000th"): the
# vocabulary's `other`, not sales. A future "will build a million EVs a year" is read as the sales aim it states.
_BUILT = with_first_char_guard(re.compile(
    r"\b(?:built|produced|manufactured|assembled|made(?!\s+up)|rolled\s+(?:out|off)|turned\s+out|"
    # a rate the plant runs at now ("builds 2,000 a week") is output too
    r"(?<!will\s)(?<!to\s)(?:builds|produces|manufactures|assembles|turns\s+out))\b(?:\s+(?:a\s+total\s+of|some|about|around|more\s+than|over|nearly|almost|"
    r"roughly|up\s+to|at\s+least|just\s+over|its|the))*\s*$",
    re.I,
))
# "282,704 cars built in Sunderland", "1,000 vans made there": a count of units made.
_BUILT_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:cars|vehicles|units|EVs|vans|Leafs|models)\s+(?:(?:have|has|had)\s+been\s+)?(?:built|produced|made|manufactured|assembled)\b|"
    # "175,000 of the cars have come off the line at Sunderland": made there, not sold
    r"^\s*(?:of\s+(?:the|them|those|these)\s+)?(?:[\w-]+\s+){0,2}?(?:have|has|had)\s+(?:come|rolled)\s+off\s+(?:the|its|their)\s+(?:[\w-]+\s+)?lines?\b",
    re.I,
)
_ADAS_ON = with_first_char_guard(re.compile(r"(?:Pro\s?PILOT|Pro\s?Pilot|driver[\s-]assist(?:ance)?)\b[^.;]{0,40}\b(?:on|in)\s+(?:up\s+to\s+|about\s+)?$", re.I))
_ADAS_EQUIPPED = with_first_char_guard(re.compile(
    r"equipped|with\s+Pro\s?PILOT|with\s+Pro\s?Pilot|featuring|fitted|(?:offered|available|standard|installed)\s+(?:on|in)\b|"
    r"\bcomes?\s+with\b",
    re.I,
))
_PERIOD = with_first_char_guard(re.compile(r"\b(?:a|per|each)\s+year\b|\bannual(?:ly)?\b|\byearly\b|\bper\s+annum\b", re.I))
# "Leaf number 300,000 delivered": the one car with that number, a milestone like "the 300,000th Leaf".
_UNIT_NUMBER = re.compile(r"\b[\w-]*[A-Z][\w-]*\s+(?:number|No\.)\s*$")
_VOLUME_METRICS = {"electrified": "electrified_sales_volume", "epower": "electrified_sales_volume", "ev": "ev_sales_volume"}
# A count whose noun stands before it: "EV sales rose 20% to 52,000", "deliveries came in at 31,000".
_VOLUME_NOUN_BEFORE = with_first_char_guard(re.compile(
    r"\b(?:sales|deliveries|registrations|shipments)\b(?:(?!\b(?:and|but|while|whereas)\b)[^.;,])*?\b(?:were|was|are|is|stood|"
    r"came\s+in|come\s+in|totall?ed|amounted|reached|hit|rose|fell|grew|climbed|jumped|increased|decreased|dropped|slipped|"
    r"pass(?:ed|es)?|top(?:ped|s)?|surpassed|crossed|"
    r"to|at|of)\s+(?:(?:about|around|nearly|some|roughly|just|over|under|more\s+than|less\s+than|almost)\s+)*$",
    re.I,
))
# "eight new models, four of them under the Nissan brand": the same models split by the badge they wear.
# "Eight of the 16 electrified models will be fully electric": the part's powertrain is what it "will be".
_PART_PREDICATE = with_first_char_guard(re.compile(r"\b(?:will|would|are|is|to)\s+be\s+(?P<what>[^,;.]{1,40})", re.I))
# "fully electric cars making up 19 of them": the part's powertrain is its subject, named before the count.
_PART_SUBJECT = re.compile(r"\b(?:mak(?:e|es|ing)|made)\s+up\s+$|\baccount(?:s|ed|ing)?\s+for\s+$", re.I)
_BRAND_SPLIT = with_first_char_guard(re.compile(
    r"\s*(?:of\s+(?:them|these|those|which)\s+)?(?:(?:will\s+be\s+|are\s+)?(?:sold\s+)?(?:under|with|carrying|wearing|bearing|badged\s+as)\s+)"
    r"(?:the\s+|its\s+|their\s+)?[\w'’ -]{0,30}?\b(?:brand|badge|marque|nameplate|logo)\b|"
    r"\s*of\s+(?:them|these|those|which)\s+(?:will\s+be\s+|are\s+)?[A-Z][\w-]*[\s-](?:branded|badged)\b",  # "four of them Nissan-branded"
    re.I,
))
_SEGMENT_POINTER = with_first_char_guard(re.compile(r"\b(?:the|that|this)\s+segment\b", re.I))


@dataclass(frozen=True, slots=True)
class Frame:
    metric: str
    unit: str | None
    needs_year: bool = False  # a date-only claim
    child_of_previous: bool = False  # "15 of them": inherits from the number before
    bare: bool = False  # no noun at all: inherits the metric of the statement before


@dataclass(frozen=True, slots=True)
class Window:
    """The text around one number that the frame rules read."""

    before: str  # segment text before the number (from the last comma/semicolon/bracket)
    lead: str  # clause text before the number
    rest: str  # segment text after the number, past any later number ("of the 30 will be electrified")
    after: str  # segment text after the number (to the next comma/semicolon/bracket or number)
    clause: str  # the clause holding the number
    sentence: str
    context: str = ""  # the previous sentence, for pointers such as "the segment"


def powertrain(text: str) -> str | None:
    """'epower', 'electrified', 'ev', 'combustion' or None for a stretch of text."""
    if _COMBUSTION.search(text) and not _EV.search(text):
        return "combustion"
    hybrid = _HYBRID.search(text)
    if hybrid:
        if _EPOWER_ONLY.search(text) and not re.search(r"\belectrified\b|\bEVs?\b|electric\b|plug-in|new\s+energy", text, re.I):
            return "epower"
        return "electrified"
    if _EV.search(text):
        return "ev"
    return None


def last_powertrain(text: str) -> str | None:
    """The powertrain of the last powertrain word of a stretch ("where it sells no hybrids, it wants EVs" -> ev)."""
    last: tuple[int, int, str] | None = None
    for pattern in (_COMBUSTION, _HYBRID, _EV):
        for m in pattern.finditer(text):
            if last is None or m.end() > last[0]:
                last = (m.end(), m.start(), m.group(0))
    if last is None:
        return None
    kind = powertrain(last[2])
    # "hybrids and EVs", "EVs or plug-in hybrids": both kinds together are the electrified share.
    pair = re.search(r"(\S+(?:\s+\S+)?)\s+(?:and|or|plus|&)\s+$", text[max(0, last[1] - 40) : last[1]])
    if kind in ("ev", "electrified", "epower") and pair and powertrain(pair.group(1)) not in (None, "combustion", kind):
        return "electrified"
    return kind


def _share_metric(kind: str | None) -> str | None:
    return {"electrified": "electrified_sales_share", "epower": "electrified_sales_share", "ev": "ev_sales_share"}.get(kind or "")


def _frame_money(n: NumberMention, w: Window) -> Frame | None:
    if _PER_KWH.search(w.sentence):
        return Frame("battery_cost", f"{n.unit}/kWh")
    if lx.MONEY_NON_CLAIM_RE.search(w.before + " " + w.after[:40]):
        return None
    if (
        lx.INVESTMENT_CUES_RE.search(w.clause)
        or lx.INVESTMENT_CUES_RE.match(w.after)
        or lx.INVESTMENT_CUES_RE.search(w.sentence.split(":")[0] + ":")
        or _PROJECT_WORTH.search(_without_qualifier(w.lead[-120:]))
    ):
        return Frame("investment", n.unit)
    return None


_SALES_BEFORE_TAIL = re.compile(r"\b(?:to|of|at|reach|reaching|hit)\s*$|\bshare\s+of\s+(?:\S+\s+){0,3}?sales\s*$")
_HAS_BEEN = re.compile(r"\s*ha(?:s|ve)\s+been\b")
_OF_EVS = re.compile(r"\s*(?:of\s+)?(?:(?:the|its|all)\s+)?(?:[A-Z][\w-]+\s+)?(?:EVs|electric\s+(?:cars|vehicles))\b")
# A fact box's label and its figures: "Electrified share of global sales: 40% in FY2026, 60% in FY2030"
_SHARE_LABEL = with_first_char_guard(re.compile(
    r"\bshare\s+of\s+(?:[\w-]+\s+){0,3}?(?:sales|registrations|deliveries)\b(?:\s*\([^)]*\))?\s*:[^:;]*$", re.I
))


def _frame_percent(n: NumberMention, w: Window) -> Frame | None:
    near = w.before[-60:] + " " + w.after[:60]
    if lx.STAKE_RE.search(near) or lx.MONEY_NON_CLAIM_RE.search(near) or re.search(r"\bcapacity\b", near, re.I):
        return None  # a stake, a change in profit, price or costs, a capacity cut
    if _REGULATION.search(w.lead[-90:]) or re.match(r"^\s*of\s+(?:each|every|all)\s+(?:carmakers?|manufacturers?)", w.after):
        return None  # a quota set by law or a regulator, for every carmaker
    if n.is_fraction and _OF_EVS.match(w.after):
        return None  # "two in every three Nissan EVs sold have been Leafs": a model's part of the EVs, no sales mix
    if _MARKET_DENOMINATOR.match(w.after) or _MARKET_DENOMINATOR.match(w.rest):
        return None  # "a tenth of global car sales", "one in three new cars sold in Norway": the whole market
    if _SEGMENT_SUBJECT.search(w.lead[-90:]):
        return None  # "the kei segment makes up a third of new car sales": the market's make-up, no company's
    if lx.MARKET_SHARE_RE.search(_without_trailing_aside(w.clause, w.lead)) or _OF_A_MARKET.match(w.after) or _OF_EV_MARKET_SALES.match(w.after) or _of_a_place(w.after):
        ev_market = powertrain(w.clause) not in (None, "combustion") or lx.EV_PRODUCT_NAMES_RE.search(w.clause)
        return Frame("market_share", "percent") if ev_market else None
    if lx.LINEUP_RE.search(w.after[:60]):
        return Frame("other", "percent")
    following = w.sentence[w.sentence.find(w.after, len(w.lead)) :] if w.after else w.rest
    if lx.CONNECTED_RE.search(w.after[:40]) or (_OF_NEW_VEHICLES.match(following) and lx.CONNECTED_RE.search(following[:110])):
        return Frame("connected_share", "percent")  # "100% of new models sold in key markets are to be connected"
    before, lead = _without_qualifier(w.before), _without_qualifier(w.lead)
    sales_here = lx.SALES_NOUN_RE.search(w.after[:70]) or (
        lx.SALES_NOUN_RE.search(before) and _SALES_BEFORE_TAIL.search(before)
    )  # "... to 50% of sales", "an electrified share of global sales above 50%"
    share_to = _SHARE_RISES_TO.search(lead[-80:])  # "its electrified share ... to 60%", "that share to reach 50%"
    if sales_here or share_to or _SHARE_LABEL.search(lead[-120:]) or re.search(r"\bshare\s+for\b", w.after[:30]):
        # The powertrain named nearest the number: "EVs made up 10% of sales, as e-POWER cars ..." is an EV
        # share. "expand e-POWER ..., and expects it to account for 40% of sales": "it" is the clause before.
        kind = last_powertrain(w.lead[-70:]) or powertrain(w.after[:60]) or powertrain(w.clause) or powertrain(w.sentence)
        metric = _share_metric(kind)
        if metric:
            return Frame(metric, "percent")
        return None
    if not n.is_fraction and re.match(
        r"^\s*(?:(?:has|have|is|are|was|were|will)\s+(?:been|be)\s+)?(?:(?:fully|purely|pure|all|100%)[\s-]+)?"
        r"(?:electrified|electric|EVs?|battery[\s-]electric|e-POWER)\b", w.after
    ):  # "58% electrified in Japan", "16% fully electric", "and 16 per cent has been fully electric"
        # "and 16 per cent has been fully electric": the sales the share before it was of, over the same period
        child = _HAS_BEEN.match(w.after) is not None
        return Frame(_share_metric(powertrain(w.after[:30])) or "electrified_sales_share", "percent", child_of_previous=child)
    if n.is_fraction:
        return None
    if lx.COST_RE.search(near):
        return Frame("other", "percent")
    if not w.after.strip() and re.search(r":\s*$", before):
        return Frame("electrified_sales_share", "percent", bare=True)  # "Japan: 58%" in a list
    return None


def _frame_launch(n: NumberMention, w: Window, head: str) -> Frame | None:
    whole = _WHOLE_AFTER_PART.search(w.before[-30:]) is not None
    text = head if powertrain(head) or whole else (w.before[-50:] + " " + head)
    kind = powertrain(text)
    if kind == "combustion":
        return None
    # "eight new all-electric models and ProPILOT offered on 20 models": a count with a powertrain of its own is no ADAS count
    if kind is None and lx.ADAS_RE.search(w.sentence) and _ADAS_EQUIPPED.search(w.sentence):
        return Frame("adas_model_launches", "models")
    if kind is None:
        if not re.search(r"\bnew\b|\bmodels\b", head + " " + w.before[-30:], re.I):
            return None
        return Frame("new_model_launches", "models")
    return Frame(f"{kind}_model_launches", "models")


def _frame_count(n: NumberMention, w: Window) -> Frame | None:
    if _GWH.match(w.after):
        # News gives gigawatt-hours for battery output (a car's pack is in kWh); grid storage and
        # demand estimates are the exceptions.
        return None if _NOT_BATTERY_OUTPUT.search(w.lead + w.after[:40]) else Frame("battery_capacity", "GWh")
    head = w.after[:70]
    child = bool(_CHILD.match(w.rest)) or bool(_CHILD_BEFORE.search(w.lead[-80:]))
    small = n.value < 200 and not n.unit and n.value == int(n.value)
    if _COMBUSTION.search(head[:50]) and not _EV.search(head[:50]):
        return None
    if small and child:
        predicate = _PART_PREDICATE.search(w.rest[:100])
        # the part's own words first: "(eight fully electric and eight e-POWER hybrids)" names two powertrains
        kind = (predicate and powertrain(predicate.group("what"))) or powertrain(w.after[:50]) or powertrain(w.rest[:50])
        if kind is None and _PART_SUBJECT.search(w.before):
            kind = last_powertrain(w.before)  # "with fully electric cars making up 19 of them"
        if kind == "combustion" or (kind is None and (_BODY_STYLE.match(w.rest) or _BRAND_SPLIT.match(w.rest))):
            return None  # "14 EVs, 11 of them SUVs", "8 EVs, four under the Nissan badge": a split, no powertrain count
        return Frame(f"{kind}_model_launches" if kind else "", "models", child_of_previous=True)
    whole_of_ones = small and _ONES.match(head) and _WHOLE_AFTER_PART.search(w.before[-30:])
    if small and (_MODEL_NOUN.match(head.strip()) or _MODEL_NOUN.search(head[:45]) or whole_of_ones):
        # "ProPILOT, the driver-assistance system, is to be on 20 models": the system may stand before an aside's comma
        if _ADAS_ON.search(w.sentence, max(0, n.start - 70), n.start):
            return Frame("adas_model_launches", "models")  # "ProPILOT driver assistance on 20 models", verb or not
        if not _LAUNCH_VERB.search(w.clause) or _LINEUP_SIZE.search(w.lead[-90:]) or funds_models_named_before(w.before, w.lead):
            return None
        if n.value == 1 and n.is_word:
            return None
        return _frame_launch(n, w, head[:45])
    if small and not head.strip(" .") and _STRICT_MODEL_NOUN.search(w.before):
        # "the total number of new electrified models rises to 27"
        return _frame_launch(n, w, w.before)
    if n.value < 1000:
        return None
    return _frame_volume(n, w)


def _frame_volume(n: NumberMention, w: Window) -> Frame | None:
    head = w.after[:60]
    if _ORDERS.search(head[:30]) or _ORDERS.search(w.before[-25:]) or _BUILT.search(w.before[-50:]):
        return Frame("other", "vehicles")
    if _CAPACITY_BEFORE.search(w.lead[-70:]) or _PRODUCTION_COUNT_AFTER.match(head) or _BUILT_AFTER.match(head) or (
        _PRODUCTION_COUNT_BEFORE.search(w.lead[-70:])
    ):
        return Frame("other", "vehicles")
    has_noun = bool(_VOLUME_NOUN.match(head))
    if lx.ADAS_RE.search(w.clause) or (_EQUIPPED_WITH_IT.search(w.clause) and lx.ADAS_RE.search(w.sentence)):
        # "to offer ProPILOT on 20 models, and to sell 1.5 million cars a year equipped with it"
        return Frame("adas_sales_volume", "vehicles") if has_noun else None
    if not has_noun:
        if _VOLUME_NOUN_BEFORE.search(w.lead[-90:]):
            # "its EV deliveries were ... at about 140,000", "electric car sales rose 20% to 52,000"
            kind = last_powertrain(w.lead[-90:])
            return Frame(_VOLUME_METRICS.get(kind or "", ""), "vehicles") if kind != "combustion" else None
        # "Japan and China account for about 230,000 each": inherit what was counted before.
        return None if is_stretch_of_count(w.lead) else Frame("", "vehicles", bare=True)
    if states_sales_increase(head, w.before, w.lead):
        return Frame("sales_volume_increase", "vehicles")
    kind = powertrain(head[:45]) or powertrain(w.before[-40:])
    if kind is None and _SEGMENT_POINTER.search(w.clause):
        kind = powertrain(w.context)
    if kind == "combustion":
        return None
    return Frame(_VOLUME_METRICS.get(kind or "", ""), "vehicles")


def frame_number(n: NumberMention, w: Window) -> Frame | None:
    """The metric a number fills, or None when it is no EV claim."""
    if n.unit in ("percent",):
        return _frame_percent(n, w)
    if n.unit:
        return _frame_money(n, w)
    if n.is_ordinal or (("umber" in w.before or "No." in w.before) and _UNIT_NUMBER.search(w.before[-30:])):
        return _frame_milestone(w)
    if lx.NON_CLAIM_UNITS_RE.match(w.after) or lx.CHARGE_POINTS_RE.match(w.after):
        return None
    return _frame_count(n, w)


def _frame_milestone(w: Window) -> Frame | None:
    metric = milestone_metric(w.lead[-60:] + " " + w.after[:40])
    return Frame(metric, "vehicles") if metric else None


def is_period(text: str) -> bool:
    """A per-year rate ("a year", "annual")."""
    return bool(_PERIOD.search(text))
