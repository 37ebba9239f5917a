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
from evnews.claims.memo import per_article
from evnews.claims.needle_pattern import NeedlePattern
from evnews.claims.prefilter import with_first_char_guard
from evnews.claims.sentences import Sentence
from evnews.claims.timex import TimeMention


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    name: str  # canonical company, product or region
    text: str
    descriptor: str = ""  # for references: nationality/hq/"generic"; for regions: "scope" when after a preposition
    company: str = ""  # for products: the maker


@dataclass(frozen=True, slots=True)
class Parsed:
    """One sentence with its mentions, as the claim rules read it."""

    sentence: Sentence
    companies: list[Mention]
    products: list[Mention]
    regions: list[Mention]
    times: list[TimeMention]
    masked: list[tuple[int, int]]

    @property
    def text(self) -> str:
        return self.sentence.text


def _table(patterns: list[str], *, caseless: set[int] | frozenset[int] = frozenset(), tail: str = r"(?![\w-])") -> NeedlePattern:
    """One alternation for a whole table, so a sentence is scanned once; group gN is row N.

    At any position the earlier row wins, as the tables are ordered specific-first
    ("Renault-Nissan alliance" before "Nissan", "North America" before "America"). Rows that may
    start in lower case ("the alliance", "worldwide", a plant town) are tried only in sentences that
    hold their words (needle_pattern.NeedlePattern); the matches are the same.
    """
    rows = [f"(?P<g{i}>{'(?i:' + p + ')' if i in caseless else p})" for i, p in enumerate(patterns)]
    return NeedlePattern(rows, prefix=r"(?<![\w-])", suffix=tail, names=True)


_COMPANY_RE = _table([p for p, _ in lx.COMPANY_PATTERNS])
_PRODUCT_RE = _table([p for p, _, _ in lx.PRODUCT_PATTERNS])
_REGION_RE = _table(
    [p for p, _ in lx.REGION_PATTERNS],
    caseless={i for i, (_, name) in enumerate(lx.REGION_PATTERNS) if name == "global"},
    tail=r"(?![\w])",
)
_SITE_RE = _table(list(lx.PLANT_SITES), caseless=set(range(len(lx.PLANT_SITES))), tail=r"\b(?!-based)")
_SITE_REGIONS = list(lx.PLANT_SITES.values())
_SCOPE_BEFORE = with_first_char_guard(re.compile(r"\b(?:in|for|to|across|within|throughout|into|outside|from)\s+(?:the\s+)?$", re.I))
# "China's BYD", "Japan's biggest carmaker": the country names a company's nationality, not a market.
_NATIONALITY_AFTER = with_first_char_guard(re.compile(r"^['’]s\s+(?:(?P<rank>biggest|largest|second|third|top|leading|No\.?\s?\d)\b|(?=[A-Z]))"))
# "U.S. tariffs", "the Japanese government": a country as a policy-maker, not a market.
_POLICY_AFTER = with_first_char_guard(re.compile(
    r"^\s+(?:tariffs?|government|regulators?|officials|authorities|administration|president|lawmakers|Congress|Treasury|"
    r"dollars?|law|rules|election|policy|policies|trade\s+(?:talks|war|deal))\b",
    re.I,
))


# "The Ariya arrives from Japan", "imported from China": where a car comes from, not where it is sold.
_ORIGIN_BEFORE = NeedlePattern.of(
    r"\b(?:arriv\w*|import\w*|ship\w*|export\w*|sourced|comes?|coming|came|brought\s+in)\s+(?:[\w-]+\s+){0,2}?from\s+(?:the\s+)?$|"
    # "moving production of the car for U.S. buyers from Oppama": where the work leaves, not where it goes
    r"\b(?:mov|shift|transferr?|relocat)\w*\s+(?:production|output|assembly|manufacturing)\b[^,;]{0,50}?\bfrom\s+(?:the\s+|its\s+)?"
    r"(?:[A-Z][\w-]+,\s+)?$",  # "... from Oppama, Japan": the country of the town too
    re.I,
)


def _row(match: re.Match[str]) -> int:
    return int((match.lastgroup or "g0")[1:])


def _spans_free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in spans)


def company_names(text: str) -> list[str]:
    """The companies named in a text, in order: `find_companies` without references, for a whole article."""
    return [lx.COMPANY_PATTERNS[_row(m)][1] for m in _COMPANY_RE.finditer(text)]


@per_article
def find_companies(sentence: str) -> list[Mention]:
    """Companies named, and references such as "the Japanese carmaker", "it", "its"."""
    out: list[Mention] = []
    spans: list[tuple[int, int]] = []
    for m in _COMPANY_RE.finditer(sentence):
        out.append(Mention(m.start(), m.end(), lx.COMPANY_PATTERNS[_row(m)][1], m.group(0)))
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
    for m in _PLURAL_REFERENCE.finditer(sentence):
        if _spans_free(spans, m.start(), m.end()):
            out.append(Mention(m.start(), m.end(), "", m.group(0), descriptor="plural"))
    out.sort(key=lambda c: c.start)
    return out


# "the two companies", "the three carmakers", "the partners": several companies named before, together.
_PLURAL_REFERENCE = NeedlePattern.of(
    r"\b(?:[Tt]he|[Bb]oth|[Aa]ll)\s+(?:(?:two|three|four)\s+)?(?:partner\s+)?(?:companies|carmakers|automakers|car\s*makers|"
    r"auto\s*makers|firms|partners|manufacturers)\b"
)


@per_article
def find_products(sentence: str) -> list[Mention]:
    out: list[Mention] = []
    for m in _PRODUCT_RE.finditer(sentence):
        _, name, maker = lx.PRODUCT_PATTERNS[_row(m)]
        out.append(Mention(m.start(), m.end(), name, m.group(0), company=maker))
    return out


@per_article
def find_regions(sentence: str) -> list[Mention]:
    """Regions named; a country right before a company name ("China's BYD") is a nationality."""
    out: list[Mention] = []
    for m in _REGION_RE.finditer(sentence):
        rest = sentence[m.end() :]
        if _is_nationality(rest) or _POLICY_AFTER.match(rest) or _ORIGIN_BEFORE.search(sentence, max(0, m.start() - 90), m.start()):
            continue
        name = lx.REGION_PATTERNS[_row(m)][1]
        # "In Europe, ...", and a market that labels its line ("United States: introduction of e-POWER in FY2026")
        label = not sentence[: m.start()].strip() and sentence[m.end() : m.end() + 2].lstrip().startswith(":")
        scope = "scope" if _SCOPE_BEFORE.search(sentence[max(0, m.start() - 30) : m.start()]) or name == "global" or label else ""
        out.append(Mention(m.start(), m.end(), name, m.group(0), descriptor=scope))
    return out


def _is_nationality(rest: str) -> bool:
    m = _NATIONALITY_AFTER.match(rest)
    if m is None:
        return False
    if m.group("rank"):
        return True
    named = _COMPANY_RE.match(rest, m.end())
    return named is not None


# "the chief executive said in Yokohama on Monday": where a plan was told, not where it applies
_SAID_AT_BEFORE = with_first_char_guard(re.compile(
    r"\b(?:said|says|told\s+(?:[\w-]+\s+){1,3}?|speaking|spoke|briefing|news\s+conference|press\s+conference)\s+(?:in|at)\s+(?:the\s+|its\s+)?$", re.I
))


@per_article
def find_sites(sentence: str) -> list[Mention]:
    """Plant towns and their regions ("Sunderland" -> uk); not a town work moves away from, nor one a plan was told in."""
    return [
        Mention(m.start(), m.end(), _SITE_REGIONS[_row(m)], m.group(0))
        for m in _SITE_RE.finditer(sentence)
        if not _ORIGIN_BEFORE.search(sentence, max(0, m.start() - 90), m.start())
        and not _SAID_AT_BEFORE.search(sentence, max(0, m.start() - 60), m.start())
    ]
