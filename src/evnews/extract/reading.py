"""The article's body text: one cheap extraction, and a vote only where it looks wrong.

The vote in `body.py` (trafilatura precision + trafilatura recall +
readability-lxml) is the most accurate reading we have, but it costs about
2.5x one plain trafilatura run. Most news pages do not need it: trafilatura in
fast precision mode (its main extractor without the fallbacks, about 0.4x)
already gets them right once chrome lines are dropped. So every page gets
that cheap reading first, `gate.suspicions` judges it, and only a doubted page
pays for second opinions, as many as its doubts need:

- a short reading: trafilatura again with its own fallbacks (which exist for
  exactly that case), its recall run and readability, all voting;
- prose missing from the reading: the fast reading, the recall run and
  readability vote (readability's rescue and the confirmed additions);
- doubts about the edges only (link text, stray blocks, boilerplate, a
  dropped repeat): the fast reading and readability, which confirms or trims
  edges and restores repeats; a recall run would only propose more lines.

Measured on the benchmark, each lighter vote gives the same text as the full
vote on every doubted page but one (where it is better).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lxml.html import HtmlElement

from evnews.extract.body import (
    Extractions,
    combine,
    extract_all,
    readability_text,
    split_lines,
    tidy_lines,
    trafilatura_text,
)
from evnews.extract.chrome import drop_chrome
from evnews.extract.gate import suspicions

SecondOpinions = Literal["auto", "always", "never"]


@dataclass(frozen=True, slots=True)
class BodyReading:
    """The body lines of one page and why (if at all) they were voted on."""

    lines: tuple[str, ...]
    doubts: tuple[str, ...] = ()  # gate reasons; "always" when the caller forced the vote

    @property
    def voted(self) -> bool:
        return bool(self.doubts)


def read_body(
    tree: HtmlElement, url: str | None, title: str = "", *, second_opinions: SecondOpinions = "auto"
) -> BodyReading:
    """Body lines of `tree`: the cheap reading unless the gate doubts it.

    `second_opinions` is for measuring the gate: "always" votes on every page
    (the most accurate, slowest reading), "never" keeps every cheap reading.
    """
    if second_opinions == "always":
        return BodyReading(tuple(voted_lines(tree, url, title)), ("always",))
    first = trafilatura_text(tree, url, precision=True, fast=True)
    cheap = cheap_lines(first, title)
    doubts = suspicions(cheap, tree) if second_opinions == "auto" else ()
    if not doubts:
        return BodyReading(tuple(cheap))
    # trafilatura's own fallbacks (which fast mode skipped) matter when its
    # main extractor found little; otherwise the fast reading is a sound base
    # and the second opinions do the fixing (measured: F1 0.980 this way
    # against 0.978 with a full-precision base for every doubted page).
    if "short" in doubts:
        found = extract_all(tree, url)
    elif "missed-prose" in doubts:
        found = extract_all(tree, url, precision=first)
    else:
        # Doubts about the edges only: readability's confirmation is what trims
        # them; a recall run would only propose lines to add, so skip it.
        found = Extractions(precision=first, recall=first, readability=readability_text(tree))
    return BodyReading(tuple(tidy_lines(combine(found), title)), doubts)


def cheap_lines(fast_precision_text: str, title: str = "") -> list[str]:
    """trafilatura's fast precision reading without chrome lines, headline or repeated copies."""
    return tidy_lines(drop_chrome(split_lines(fast_precision_text)), title)


def voted_lines(tree: HtmlElement, url: str | None, title: str = "", base: str | None = None) -> list[str]:
    """The three-extractor vote (see `body.py`) from `base` or a full-precision run, tidied."""
    return tidy_lines(combine(extract_all(tree, url, precision=base)), title)
