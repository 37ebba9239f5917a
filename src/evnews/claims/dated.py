"""Stage 5b: date claims of one sentence (production starts, technology launches, carbon
neutrality, a single named model going on sale) with their company, kind, region and year.

`dates.py` finds the cues; this module decides who, where and when for each,
using the article context the reader has built (`attribution.Context`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from evnews.claims import attribution as at
from evnews.claims import former_words as fw
from evnews.claims import lexicon as lx
from evnews.claims import local as lc
from evnews.claims.dates import DateCue, find_date_cues, may_cue_single_launch, may_have_just_begun, may_start_on_weekday
from evnews.claims.frames import powertrain
from evnews.claims.mentions import Parsed, find_sites
from evnews.claims.timex import TimeMention, find_times
from evnews.models import Claim

_STILL_AHEAD = re.compile(r"\s*(?:later\s+this|in\s+the\s+coming|before\s+the\s+end\s+of\s+this|by\s+the\s+end\s+of\s+this)\b", re.I)
# "goes into production this fiscal year": the current period with no verb of result (no "began", "started")
# is a schedule, not a fact
_THIS_PERIOD = re.compile(r"\s*this\s+(?:(?:fiscal|financial|business|calendar)\s+)?(?:year|quarter|month)\b", re.I)
_BASED_ON = re.compile(r"[\w .-]{0,15}?-based\b")
_SINGLE_MODEL_METRICS = ("ev_model_launches", "electrified_model_launches")
_MODEL_POINTER = re.compile(r"\s*The\s+(?:new\s+|[\w-]+-(?:built|made)\s+)?(?:car|model|hatchback|crossover|SUV)\b")


def date_claims(
    p: Parsed, ctx: at.Context, previous_text: str, said: list[Claim], earlier: Sequence[Claim] = ()
) -> list[Claim]:
    """The date claims of a parsed sentence; `said` are the number claims already read from it, `earlier`
    the article's claims before it."""
    s, text, companies, products, times = p.sentence, p.text, p.companies, p.products, p.times
    if not any(not t.background for t in times) and not may_start_on_weekday(text) and not may_have_just_begun(text):
        return []  # every date claim needs a date
    spans = at.clauses(text)
    # read only for a single model's launch: a sentence with no launch words needs no powertrain look
    ev_context = may_cue_single_launch(text) and (
        powertrain(text + " " + previous_text) in ("ev", "electrified")
        or (ctx.last_product in lx.EV_PRODUCTS and _MODEL_POINTER.match(text) is not None)  # "The UK-built model": the EV named before
    )
    brands = [c for c in companies if c.text.strip().lower() in lx.SUB_BRANDS]
    out: list[Claim] = []
    previous: str | None = None
    current = _former_asides_blanked(text)
    for cue in find_date_cues(current, times, products, spans, ev_context, brands):
        year, fiscal, _ = at.horizon_for(cue.time, times, cue.start, ctx)
        if cue.opens_clause and cue.time.kind == "this" and ctx.anchor is not None:
            year = ctx.anchor.year  # "In 2011 it said ..., and this year it began": not the year of that statement
        if year is None or _said_already(cue, said):
            continue
        clause_start, _ = at.clause_of(spans, cue.start)
        if fw.SUPERSEDED_CLAUSE_RE.search(current, clause_start, cue.end):
            continue  # "was originally due to start production in 2024": a former date
        company = _company(cue, p, ctx, previous)
        kind = at.kind_for(cue.start if cue.where is None else cue.where, text, s.paragraph, ctx, year)
        if kind == "actual" and _STILL_AHEAD.match(cue.time.text):
            kind = "target"  # "goes into production later this year": the year is now, the start is not yet
        elif kind == "actual" and _THIS_PERIOD.match(cue.time.text) and not at.has_kind_cue(current[clause_start : cue.end]):
            kind = "target"
        if cue.metric in _SINGLE_MODEL_METRICS and kind != "rumor":
            kind = "target"  # "goes on sale this year", "follows in 2026": stated ahead of the event
        value, unit = (1.0, "models") if cue.metric in _SINGLE_MODEL_METRICS else (None, None)
        for region, when in _regions_and_times(cue, p, ctx, company, earlier):
            if when is not None:
                year, fiscal, _ = at.horizon_for(when, times, cue.start, ctx)
            out.append(
                Claim(company or ctx.focus, cue.metric, kind, text, value, unit, "exact", region, year, fiscal,
                      cue.product, s.index)  # fmt: skip
            )
        previous = company
    return out


_PLANT_OWNER = re.compile(r"(?:\s+Motors?)?['’]s?\s+(?:[A-Z][\w-]*\s+){0,2}(?:plant|factory|works|site|facility)\b")


def _former_asides_blanked(text: str) -> str:
    """", where Nissan once said it would build EVs from 2025, the start has slipped to 2028": an aside that
    states a former position is blanked (same length), so the main clause's date is read as if it stood alone."""
    if "wh" not in text:
        return text  # no ", where ...," or ", which ...," aside (the regex below needs one)
    return at.RELATIVE_CLAUSE.sub(
        lambda m: "," + " " * (len(m.group(0)) - 2) + "," if fw.SUPERSEDED_CLAUSE_RE.search(m.group(0)) else m.group(0), text
    )


def _company(cue: DateCue, p: Parsed, ctx: at.Context, previous: str | None) -> str | None:
    text, products = p.text, p.products
    # "the Renault 5-based hatchback": a maker named in a platform compound built the base, not this car
    companies = [c for c in p.companies if not _BASED_ON.match(text, c.end)]
    company = at.company_for(cue.start, text, companies, products, ctx, previous)
    start, end = at.clause_of(at.clauses(text), cue.start)
    named = [c.start for c in companies if c.name and start <= c.start < end]
    if cue.metric == "production_start":  # "Mitsubishi's Mizushima plant started building the Sakura": the plant's owner builds it
        named = [pos for pos in named if not _PLANT_OWNER.match(text, next(c.end for c in companies if c.start == pos))]
    # "Rogue plug-in hybrid": a version of a known model is its maker's
    named_product = [m for m in products if cue.product and (cue.product == m.name or cue.product.startswith(m.name + " "))]
    product_at = [m for m in named_product if start <= m.start < end]
    # "Toyota ... cars with solid-state batteries": a maker named before the product is the subject; but a model
    # built under contract is its brand's ("Mitsubishi builds the Sakura at Mizushima, where production began in May").
    model_built = cue.metric == "production_start" and cue.product not in lx.TECHNOLOGY_PRODUCTS
    if cue.product and (model_built or not (named and (not product_at or named[0] < product_at[0].start))):
        company = next((m.company for m in named_product if m.company), company)
    return company


_FIRST_SOLD_IN = re.compile(r"\bfirst\s+(?:[\w-]+\s+)?(?:model|car|vehicle|EV)\s+(?:it|we|they)\s+(?:sells?|offers?)\s+in\s+(?:the\s+)?$")


def _regions_and_times(
    cue: DateCue, p: Parsed, ctx: at.Context, company: str | None, earlier: Sequence[Claim] = ()
) -> list[tuple[str, TimeMention | None]]:
    """Where a date claim applies: one entry per site for a production start at several sites
    ("at Tochigi in Japan and at Sunderland in England"), paired with its own time when the sentence
    lists them "respectively"; a single region otherwise (None: the cue's own time)."""
    text, regions, s = p.text, p.regions, p.sentence
    if cue.metric == "carbon_neutrality":
        return [("global", None)]
    if cue.metric == "technology_launch":  # where the sentence names a market for it ("In the US, ...")
        scoped = any(r.descriptor == "scope" and r.name != "global" for r in regions)
        where = cue.start if cue.where is None else cue.where
        # "e-POWER reaches the US in FY26", "arrives in Europe": the market right after the verb
        # "the first model it sells in Europe with e-Power": the market of that first model
        reached = next((r.name for r in regions if r.name != "global" and (
            0 <= r.start - where <= 12 or _FIRST_SOLD_IN.search(text, max(0, r.start - 60), r.start))), None)
        return [(reached or (at.region_for(where, text, regions, s.paragraph, ctx) if scoped else "global"), None)]
    if cue.metric == "production_start":
        by_site = _site_regions(cue, text)
        if by_site:
            return by_site
    # "to put a second EV, the e-NV200 van, on sale in Europe": the market after the whole launch phrase
    where = cue.end - 1 if cue.metric in _SINGLE_MODEL_METRICS else cue.start
    region = at.region_for(where, lc.blank_relative_clauses(text), regions, s.paragraph, ctx, company=company)
    if region == "global":  # a model sold in one market only is made for it, whatever plant the paragraph named
        region = lx.MARKET_PRODUCTS.get(cue.product or "") or ctx.site_here(s.paragraph, cue.metric, regions, text) or region
    if region == "global" and cue.metric in _SINGLE_MODEL_METRICS and _FOLLOWS.search(text, cue.start, cue.end):
        region = _last_launch_region(earlier) or region
    return [(region, None)]


# "First up is the N7 ... A plug-in hybrid pickup will follow in the second half": it follows into the same market.
_FOLLOWS = re.compile(r"\bfollow(?:s|ed)?\b", re.I)


def _last_launch_region(earlier: Sequence[Claim]) -> str | None:
    """The market of the single model launch the article told last, if any."""
    launches = [c for c in earlier if c.metric in _SINGLE_MODEL_METRICS and c.value == 1.0]
    return launches[-1].region if launches else None


def _site_regions(cue: DateCue, text: str) -> list[tuple[str, TimeMention | None]]:
    sites = find_sites(text)
    start, end = at.clause_of(at.clauses(text), cue.start)
    here = [x for x in sites if start <= x.start < end]
    if re.search(r"\brespectively\b", text[cue.end :], re.I):
        regions = list(dict.fromkeys(x.name for x in sites))  # "Smyrna, Tennessee": one place, one region
        times = [t for t in find_times(text) if t.start >= cue.end and not t.background]
        if len(regions) == len(times) > 1:
            return list(zip(regions, times, strict=True))  # "in Smyrna and Sunderland ... in 2012 and 2013 respectively"
    if not here:
        here = sites
    # "began building it at Sunderland, alongside the original line at Oppama": that line was building it before
    here = [x for x in here if not _EXISTING_LINE_BEFORE.search(text, max(0, x.start - 60), x.start)] or here
    return [(name, None) for name in dict.fromkeys(x.name for x in here)]


_EXISTING_LINE_BEFORE = re.compile(
    r"\b(?:alongside|besides|in\s+addition\s+to)\s+(?:the|its)\s+(?:original|existing|older)\s+(?:[\w-]+\s+)?"
    r"(?:line|lines|plant|factory)\s+(?:at|in)\s+(?:the\s+)?(?:[A-Z][\w-]+,?\s+(?:near|in|outside)\s+)?$", re.I
)


def _said_already(cue: DateCue, said: list[Claim]) -> bool:
    """A date cue the sentence's counts already state: "ProPILOT is to be offered on 20 models by 2022"
    is a roll-out count, not a launch; "eight new EVs, among them a kei car" counts the kei car."""
    if cue.metric == "technology_launch":
        return any(c.product == cue.product and c.value is not None and c.unit in ("models", "vehicles") for c in said)
    if cue.metric in _SINGLE_MODEL_METRICS:
        return any(c.metric.endswith("model_launches") and (c.value or 0) > 1 for c in said)
    return False
