"""Stage 6: one claim per fact.

An article often states a fact more than once: a heading or pull quote
repeats its paragraph's number, a summary restates the lead, a later
sentence adds the year. Claims that agree on company, metric, kind and
value, and whose regions and horizons do not contradict each other (equal,
or one side unspecified), are one fact: the first full statement is kept,
or the later one when it adds the year.
"""

from __future__ import annotations

from dataclasses import replace

from evnews.claims.lexicon import SUB_BRANDS
from evnews.claims.mentions import find_companies
from evnews.claims.numbers import find_numbers
from evnews.claims.sentences import Sentence
from evnews.models import Claim

_BRANDS = frozenset(SUB_BRANDS.values())


def _same_fact(a: Claim, b: Claim) -> bool:
    if (a.company, a.metric, a.kind, a.value) != (b.company, b.metric, b.kind, b.value):
        return False
    if _brands_differ(a, b):
        return False
    regions_fit = a.region == b.region or "global" in (a.region, b.region)
    years_fit = a.horizon_year == b.horizon_year or None in (a.horizon_year, b.horizon_year)
    if a.value is None:  # a date claim is its year: the same date only
        # a technology named in a table row ("All-solid-state EV on sale | FY2028") may get no product name;
        # two production starts in one year may be two models, one of them unnamed
        same_product = a.product == b.product or (a.metric == "technology_launch" and None in (a.product, b.product))
        return a.region == b.region and a.horizon_year == b.horizon_year and same_product
    return regions_fit and years_fit


def _brands_differ(a: Claim, b: Claim) -> bool:
    """"half of Infiniti's sales" and "half of its sales in Europe" are two facts."""
    return a.product != b.product and (a.product in _BRANDS or b.product in _BRANDS)


def _heading_repeats_paragraph(claim: Claim, sentences: list[Sentence]) -> bool:
    """A heading whose number the next lines state again ("2. 650k+: Leafs sold")."""
    by_index = {s.index: s for s in sentences}
    heading = by_index.get(claim.sentence_index)
    if heading is None or not heading.is_heading or claim.value is None:
        return False
    following = [s for s in sentences if s.paragraph in (heading.paragraph + 1, heading.paragraph + 2)]
    values = {round(n.value, 3) for s in following for n in find_numbers(s.text)}
    return round(claim.value, 3) in values


def _better(kept: Claim, new: Claim) -> Claim:
    """Keep the first statement, unless the later one adds a year or a region the first lacks."""
    merged = kept
    if kept.horizon_year is None and new.horizon_year is not None:
        merged = replace(new, qualifier=kept.qualifier if kept.qualifier != "exact" else new.qualifier)
    if merged.region == "global" and new.region != "global":
        merged = replace(merged, region=new.region)
    return merged


def _highlight_restates(claim: Claim, claims: list[Claim], by_index: dict[int, Sentence]) -> bool:
    """A heading or highlights item naming no company ("Six new models, two of them EVs") whose figure a
    full sentence of the article states with its company: that sentence is the claim."""
    line = by_index.get(claim.sentence_index)
    if line is None or not (line.is_heading or line.is_list_item) or claim.value is None or find_companies(line.text):
        return False
    return any(
        # a verbless headline line ("Eight new EVs, ProPILOT on 20 models: ...") names figures without their
        # frame: the full sentence stating the same number is the claim, whatever metric the line suggested
        (other.metric == claim.metric or (line.is_heading and other.unit == claim.unit))
        and other.value == claim.value
        # a list item that adds the year stays; a verbless line's "actual" and its article year are only a default
        and (claim.horizon_year in (None, other.horizon_year) or (claim.kind == "actual" != other.kind))
        and not _is_short_line(other, by_index)
        and not _brands_differ(claim, other)
        for other in claims
        if other is not claim
    )


def _is_short_line(claim: Claim, by_index: dict[int, Sentence]) -> bool:
    line = by_index.get(claim.sentence_index)
    return line is not None and (line.is_heading or line.is_list_item)


def merge_repeats(claims: list[Claim], sentences: list[Sentence]) -> list[Claim]:
    """Claims with repeated statements merged into one, in text order."""
    kept: list[Claim] = []
    by_index = {s.index: s for s in sentences}
    for claim in claims:
        if _heading_repeats_paragraph(claim, sentences) or _highlight_restates(claim, claims, by_index):
            continue
        for i, existing in enumerate(kept):
            if _same_fact(existing, claim):
                kept[i] = _better(existing, claim)
                break
        else:
            kept.append(claim)
    return kept
