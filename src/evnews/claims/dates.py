"""Claims that are a date, not a number: production starts, technology launches,
carbon neutrality, and a single named EV going on sale in a given year.

Each rule is a cue (what happens) plus the time expression nearest after it
in the same clause; no time, no claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evnews.claims import lexicon as lx
from evnews.claims.mentions import Mention
from evnews.claims.timex import TimeMention

_PRODUCTION = re.compile(
    r"\b(?:start(?:s|ed|ing)?|begin(?:s|ning)?|began|commenc\w+)\s+(?:\w+\s+){0,2}?(?:production|building|making|manufacturing|assembly)\b|"
    r"\bproduction\s+(?:of\s+[^,;]{0,60}?\s+)?(?:would|will|is\s+to|to)?\s*(?:also\s+)?(?:begin|start|not\s+begin|commence)\b|"
    r"\bproduction\s+starting\b|\bgo(?:es)?\s+into\s+production\b|\benter(?:s)?\s+production\b|"
    r"\b(?:will|would)\s+(?:also\s+)?(?:build|be\s+built|produce|be\s+produced|assemble)\b|"
    r"\bmov(?:e|ed|ing)\s+(?:its\s+)?production\s+to\b|\bproduction\s+(?:\w+\s+){0,3}moved\s+to\b|"
    r"\bpilot\s+(?:production\s+)?line\b|\bto\s+start\s+building\b|\bbegan\s+building\b|\bstart\s+building\b|"
    r"\b(?:to\s+)?(?:build|building|produce|producing|manufacture|manufacturing|assemble|assembling)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:EVs?|electric\s+(?:cars?|vehicles?|models?)|batteries|cells)\s+(?:in|at|from)\b",
    re.I,
)
_TECHNOLOGY_SUBJECT = re.compile(
    r"all-solid-state|solid-state\s+batter|ASSB|Pro\s?PILOT|Pro\s?Pilot|autonom\w*\s+driving|self-driving|"
    r"electrif\w+\s+(?:new\s+|all\s+)?(?:INFINITI|Infiniti)|(?:INFINITI|Infiniti)(?:\s+brand)?\s+(?:will\s+)?(?:go|become|turn)\s+(?:fully\s+|all-)?electri\w+|"
    r"vehicle-to-grid|V2G|wireless\s+charging|lidar",
    re.I,
)
_TECHNOLOGY_VERB = re.compile(
    r"\b(?:launch\w*|arriv\w*|introduc\w*|enable|debut\w*|deploy\w*|roll\w*\s+out|electrif\w+|from|offer\w*|bring|commerciali[sz]\w*|"
    r"available|mass-produc\w+)\b",
    re.I,
)
_CARBON = re.compile(r"carbon[\s-]neutral(?:ity)?|net[\s-]zero|climate[\s-]neutral(?:ity)?|carbon-free", re.I)
_SINGLE_LAUNCH = re.compile(
    r"\b(?:goes|go|going)\s+on\s+sale\b|\bis\s+(?:also\s+)?coming\b|\bdue\s+(?:in|out|to\s+arrive)\b|\bdue\s*$|\bfollows\b|"
    r"\b(?:will|is\s+set\s+to|is\s+to|(?:plans?|planning|aims?|expects?|intends?)\s+to)\s+(?:be\s+)?"
    r"(?:launch\w*|arrive|go\s+on\s+sale|debut|hit\s+showrooms|introduce\w*|release\w*|roll\s+out|unveil\w*|start\s+selling)\b|"
    r"\barrives\b|\blaunches\b|,\s*due\b",
    re.I,
)
_SINGLE_VEHICLE = re.compile(
    r"\b(?:an?|the\s+new|its\s+new|its\s+first|the\s+first|one)\s+(?:[\w$,.-]+\s+){0,3}?(?:EV|electric\s+(?:car|vehicle|model|SUV|sedan|crossover|hatchback|pickup|van)|"
    r"car|model|SUV|sedan|crossover|hatchback|pickup|van|kei\s+car)\b",
    re.I,
)
_EV_CONTEXT = re.compile(lx.EV_CUES, re.I)


@dataclass(frozen=True, slots=True)
class DateCue:
    """A date-claim cue found in a sentence."""

    metric: str
    start: int
    end: int
    time: TimeMention
    product: str | None = None


def _time_after(
    times: list[TimeMention], start: int, end: int, clause_end: int, *, or_before: bool = True
) -> TimeMention | None:
    usable = [t for t in times if not t.background and t.kind != "open"]
    after = [t for t in usable if end <= t.start <= clause_end]
    if after:
        return after[0]
    before = [t for t in usable if t.end <= start]
    return before[-1] if before and or_before else None


def _nearest_product(products: list[Mention], pos: int, start: int, end: int) -> str | None:
    inside = [p for p in products if start <= p.start < end]
    if not inside:
        return None
    return min(inside, key=lambda p: abs(p.start - pos)).name


def find_date_cues(
    sentence: str,
    times: list[TimeMention],
    products: list[Mention],
    clause_spans: list[tuple[int, int]],
    ev_context: bool,
) -> list[DateCue]:
    """Production starts, technology launches, carbon-neutral dates and single EV launches."""
    cues: list[DateCue] = []
    for start, end in clause_spans:
        clause = sentence[start:end]
        for m in _PRODUCTION.finditer(clause):
            time = _time_after(times, start + m.start(), start + m.end(), end, or_before=False)
            if time is not None:
                product = _nearest_product(products, start + m.start(), start, end)
                cues.append(DateCue("production_start", start + m.start(), start + m.end(), time, product))
                break
        tech = _TECHNOLOGY_SUBJECT.search(clause)
        verb = _TECHNOLOGY_VERB.search(clause)
        if tech and verb and not _PRODUCTION.search(clause[verb.start() : verb.end() + 20]):
            time = _time_after(times, start + verb.start(), start + verb.end(), end)
            if time is not None and start <= time.start <= end:
                product = _nearest_product(products, start + tech.start(), start, end)
                if product is None and re.search(r"infiniti", tech.group(0), re.I):
                    product = "Infiniti"
                if product is None and re.search(r"autonom|self-driving", tech.group(0), re.I):
                    product = "ProPILOT"
                cues.append(DateCue("technology_launch", start + tech.start(), start + tech.end(), time, product))
        carbon = _CARBON.search(clause)
        if carbon:
            time = _time_after(times, start + carbon.start(), start + carbon.end(), end)
            if time is not None:
                cues.append(DateCue("carbon_neutrality", start + carbon.start(), start + carbon.end(), time))
        launch = _SINGLE_LAUNCH.search(clause)
        taken = any(c.metric in ("production_start", "technology_launch") and start <= c.start < end for c in cues)
        if launch and not taken:
            vehicle = _SINGLE_VEHICLE.search(clause[: launch.start()]) or _SINGLE_VEHICLE.search(clause[launch.end() :])
            product = _nearest_product(products, start + launch.start(), start, end)
            is_ev = product in lx.EV_PRODUCTS or (
                vehicle is not None and (_EV_CONTEXT.search(vehicle.group(0)) is not None or ev_context)
            )
            if (vehicle or product) and is_ev:
                time = _time_after(times, start + launch.start(), start + launch.end(), end)
                if time is not None and start <= time.start <= end:
                    cues.append(DateCue("ev_model_launches", start + launch.start(), start + launch.end(), time, product))
    return cues
