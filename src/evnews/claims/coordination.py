"""Statements that share one frame between several figures or places.

News copy saves words: "40% of sales by 2022 and 50% by 2025" states the
noun once for two figures; "In Japan and Europe, ..." gives one statement for
two markets; "at Tochigi in Japan and at Sunderland in England" two sites
for one start of production. These helpers read such coordination; they are
pure functions of one sentence and the claims already read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from evnews.claims.frames import Frame, Window, powertrain
from evnews.claims.mentions import Mention, find_regions
from evnews.claims.numbers import NumberMention
from evnews.claims.prefilter import with_first_char_guard
from evnews.claims.timex import find_times
from evnews.models import Claim

_QUALIFIER_WORDS = r"(?:(?:more\s+than|over|about|around|nearly|almost|at\s+least|up\s+to|some|roughly|just|only|a\s+further)\s+)?"
# What may stand right before a share that repeats the frame of the share before it: a coordinating word,
# a progression verb, a target noun with its verb, or a pointer ("it is").
_COORDINATED_LEAD = with_first_char_guard(re.compile(
    r"(?:\b(?:and|or|then|while|plus|along\s+with|together\s+with|as\s+well\s+as)|\b(?:rising|climbing|growing|increasing|going\s+up|moving\s+up|up)\s+to|"
    # "30 per cent in the US by 2025, and in China between 35 and 40 per cent": the market stands in the gap
    r"\b(?:and|while|but)\s+(?:in|for|across)\s+(?:the\s+)?(?-i:[A-Z][\w.]*)(?:\s+(?-i:[A-Z][\w.]*)){0,2},?)\s+(?:between\s+)?"
    + _QUALIFIER_WORDS + r"$",
    re.I,
))
_GAPPED_SUBJECT = with_first_char_guard(re.compile(
    r",?\s+(?:and|while|but)\s+(?P<subject>(?:[\w-]+\s+){0,3}?(?:cars|EVs|vehicles|models|hybrids|BEVs))\s+(?:only\s+|just\s+|about\s+|some\s+)?$",
    re.I,
))
# ... and one that may restate the frame of the sentence before: "For the US, the goal is 20%", "in China it is 35%".
_RESTATED_LEAD = with_first_char_guard(re.compile(
    # "in China the figure for 2025 is 35-40 per cent"
    # "Globally, the mix for that year is expected to exceed 44%"
    # "interim goals for fiscal 2026 of 75%", "Japan's goal moves to 58 per cent", "the target for Japan has risen to 58%"
    r"(?:\b(?:targets?|goals?|aims?|objectives?|ambitions?|ratio|figure|share|mix)(?:\s+for\s+(?:the\s+)?(?:\w+\s+)?\w+)?\s+"
    r"(?:is|was|will\s+be|would\s+be|is\s+to\s+be|of|at|(?:is|are)\s+expected\s+to\s+(?:exceed|reach|top|be)|should\s+(?:exceed|reach|top|be)|"
    r"(?:moves|moved|goes|went|rises|rose|(?:has|have)\s+(?:risen|gone|moved)|(?:is|was|were|has\s+been|have\s+been)\s+(?:raised|lifted|cut|lowered))\s+to)|"
    r"\b(?:it|that|this)\s+(?:is|was|will\s+be|would\s+be|should\s+be))\s+" + _QUALIFIER_WORDS + r"$",
    re.I,
))
# Left of a share's tail once its times and places are taken out: only prepositions and punctuation.
# "over 55% in Japan and more than 40% in China": the words that join it to the next figure may close the tail.
_EMPTY_TAIL = re.compile(
    r"[\s.,;:]*(?:(?:by|in|for|from|within|before|the|end|of|at|there|fiscal|year|FY)\b[\s.,;:]*)*(?:(?:and|or)\s+" + _QUALIFIER_WORDS + r")?",
    re.I,
)


# "... and 16% were fully electric", "in the US, 40% to be fully electric": the share's own predicate names its powertrain.
_OWN_POWERTRAIN = with_first_char_guard(re.compile(
    r"^\s*(?:(?:were|are|was|is|to\s+be|will\s+be|would\s+be|should\s+be)\s+)?"
    r"(?:(?P<ev>(?:fully|purely|pure|all|battery)[\s-]+electric)|electrified)\b",
    re.I,
))


def own_powertrain_share(after: str) -> str | None:
    """The share metric the words right after a bare share give it, if they name a powertrain."""
    m = _OWN_POWERTRAIN.match(after)
    if m is None:
        return None
    return "ev_sales_share" if m.group("ev") else "electrified_sales_share"


def gapped_share(n: NumberMention, w: Window, in_sentence: list[Claim]) -> Frame | None:
    """"EVs plus hybrids make up half of its sales, and fully electric cars only 16 per cent": the verb and
    the noun are left out of the second share, and its own subject says which share it is."""
    if n.unit != "percent" or not in_sentence or not in_sentence[-1].metric.endswith("_sales_share"):
        return None
    gapped = _GAPPED_SUBJECT.search(w.lead[-60:])
    kind = powertrain(gapped.group("subject")) if gapped else None
    metric = {"ev": "ev_sales_share", "electrified": "electrified_sales_share", "epower": "electrified_sales_share"}.get(kind or "")
    return Frame(metric, "percent", child_of_previous=True) if metric else None


def elliptic_share(n: NumberMention, w: Window, in_sentence: Claim | None, before: Claim | None) -> Frame | None:
    """"40% of sales by 2022 and 50% by 2025": a share with no noun of its own takes the frame of the
    share stated just before it in the sentence; "the goal is 20%" or "it is 35%" also that of the
    sentence before within the paragraph, when the sentence has stated no share yet."""
    lead = w.lead[-60:]
    if _COORDINATED_LEAD.search(lead) or (in_sentence is not None and _RESTATED_LEAD.search(lead)):
        previous = in_sentence
    elif _RESTATED_LEAD.search(lead) and not re.search(r"%|\bper\s?cent\b", w.sentence[: n.start]):
        previous = before
    else:
        return None
    if n.unit != "percent" or previous is None or previous.unit != "percent" or previous.metric == "other":
        return None
    tail = w.after
    for span in sorted([(t.start, t.end) for t in find_times(tail)] + [(r.start, r.end) for r in find_regions(tail)], reverse=True):
        tail = tail[: span[0]] + " " + tail[span[1] :]
    own = own_powertrain_share(tail) if previous.metric.endswith("_sales_share") else None
    if own is None and not _EMPTY_TAIL.fullmatch(tail):
        return None
    # "half of its European sales were electrified, and 16% fully electric": a part, where its whole is
    return Frame(own or previous.metric, "percent", child_of_previous=own is not None)


_REGION_JOIN = with_first_char_guard(re.compile(r"\s*(?:,\s*(?:and\s+|&\s+)?|and\s+|&\s+|as\s+well\s+as\s+)(?:in\s+|the\s+)?"))


def region_group(regions: list[Mention], name: str, text: str) -> list[str]:
    """The regions coordinated with `name` ("In Japan and Europe", "in the US, China and Japan")."""
    groups: list[list[Mention]] = []
    for r in regions:
        if r.name == "global":
            continue
        if groups and _REGION_JOIN.fullmatch(text[groups[-1][-1].end : r.start]):
            groups[-1].append(r)
        else:
            groups.append([r])
    for group in groups:
        names = list(dict.fromkeys(r.name for r in group))
        if name in names and len(names) > 1:
            return names
    return [name]


def split_regions(claim: Claim, text: str, regions: list[Mention]) -> list[Claim]:
    """One claim per market when its market is one of several named together."""
    names = region_group(regions, claim.region, text)
    return [claim] if len(names) == 1 else [replace(claim, region=name) for name in names]
