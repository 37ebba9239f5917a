"""Stage 2: who, what and where a sentence names.

Company mentions (names and descriptive references such as "the Japanese
carmaker"), products and technology lines, regions and plant sites, each
with its character span so that later stages can pick the one nearest a
number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evnews.claims import lexicon as lx


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    name: str  # canonical company, product or region
    text: str
    descriptor: str = ""  # for references: nationality/hq/"generic"; for regions: "scope" when after a preposition
    company: str = ""  # for products: the maker


_COMPANY_RES = tuple((re.compile(rf"(?<![\w-])(?:{p})(?![\w-])"), name) for p, name in lx.COMPANY_PATTERNS)
_PRODUCT_RES = tuple(
    (re.compile(rf"(?<![\w-])(?:{p})(?![\w-])"), name, maker) for p, name, maker in lx.PRODUCT_PATTERNS
)
_REGION_RES = tuple((re.compile(rf"(?<![\w-])(?:{p})(?![\w])", re.I if name == "global" else 0), name) for p, name in lx.REGION_PATTERNS)
_SCOPE_BEFORE = re.compile(r"\b(?:in|for|to|across|within|throughout|into|outside|from)\s+(?:the\s+)?$", re.I)
_NATIONALITY_OF_COMPANY = re.compile(r"^(?:'s|’s)?\s+(?:[A-Z][\w-]*\s+)?(?:[A-Z][\w-]+)")


def _spans_free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in spans)


def find_companies(sentence: str) -> list[Mention]:
    """Companies named, and references such as "the Japanese carmaker", "it", "its"."""
    out: list[Mention] = []
    spans: list[tuple[int, int]] = []
    for pattern, name in _COMPANY_RES:
        for m in pattern.finditer(sentence):
            if _spans_free(spans, m.start(), m.end()):
                out.append(Mention(m.start(), m.end(), name, m.group(0)))
                spans.append((m.start(), m.end()))
    for m in lx.DESCRIPTOR_RE.finditer(sentence):
        if not _spans_free(spans, m.start(), m.end()):
            continue
        if m.group("nat"):
            descriptor = "nat:" + m.group("nat").lower().replace("south ", "").replace("u.s.", "american").replace("us", "american")
        elif m.group("hq"):
            descriptor = "hq:" + m.group("hq").lower()
        else:
            descriptor = "generic"
        out.append(Mention(m.start(), m.end(), "", m.group(0), descriptor=descriptor))
        spans.append((m.start(), m.end()))
    out.sort(key=lambda c: c.start)
    return out


def find_products(sentence: str) -> list[Mention]:
    out: list[Mention] = []
    spans: list[tuple[int, int]] = []
    for pattern, name, maker in _PRODUCT_RES:
        for m in pattern.finditer(sentence):
            if _spans_free(spans, m.start(), m.end()):
                out.append(Mention(m.start(), m.end(), name, m.group(0), company=maker))
                spans.append((m.start(), m.end()))
    out.sort(key=lambda p: p.start)
    return out


def find_regions(sentence: str) -> list[Mention]:
    """Regions named; a country right before a company name is its nationality, not a region."""
    out: list[Mention] = []
    spans: list[tuple[int, int]] = []
    for pattern, name in _REGION_RES:
        for m in pattern.finditer(sentence):
            if not _spans_free(spans, m.start(), m.end()):
                continue
            after = sentence[m.end() :]
            if re.match(r"^(?:'s|’s)\s+[A-Z]", after) and any(
                c.start == m.end() + len(after) - len(after[2:].lstrip()) for c in find_companies(sentence)
            ):
                continue
            if re.match(r"^(?:'s|’s)\s+(?:BYD|Geely|Tesla|Toyota|Honda|Nissan|biggest|largest|second)", after):
                continue
            scope = "scope" if _SCOPE_BEFORE.search(sentence[: m.start()]) or name == "global" else ""
            out.append(Mention(m.start(), m.end(), name, m.group(0), descriptor=scope))
            spans.append((m.start(), m.end()))
    out.sort(key=lambda r: r.start)
    return out


def find_sites(sentence: str) -> list[Mention]:
    """Plant towns and their regions ("Sunderland" -> uk)."""
    out: list[Mention] = []
    for town, region in lx.PLANT_SITES.items():
        for m in re.finditer(rf"\b{town}\b(?!-based)", sentence, re.I):
            out.append(Mention(m.start(), m.end(), region, m.group(0)))
    out.sort(key=lambda r: r.start)
    return out
