"""The article's body text: one cheap extraction, and a vote only where it looks wrong.

The vote in `body.py` (trafilatura precision + trafilatura recall +
readability-lxml) is the most accurate reading we have, but it costs about
2.5x one plain trafilatura run. Most news pages do not need it: trafilatura in
fast precision mode (its main extractor without the fallbacks, about 0.4x)
already gets them right once chrome lines are dropped. So every page gets
that cheap reading first, `gate.suspicions` judges it, and only a doubted page
pays for the second opinions. The fast reading is the vote's base, except on
a page where it came back short: there trafilatura runs again with its own
fallbacks, which exist for exactly that case.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lxml.html import HtmlElement

from evnews.extract.body import combine, extract_all, split_lines, tidy_lines, trafilatura_text
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
    base = None if "short" in doubts else first
    return BodyReading(tuple(voted_lines(tree, url, title, base)), doubts)


def cheap_lines(fast_precision_text: str, title: str = "") -> list[str]:
    """trafilatura's fast precision reading without chrome lines, headline or repeated copies."""
    return tidy_lines(drop_chrome(split_lines(fast_precision_text)), title)


def voted_lines(tree: HtmlElement, url: str | None, title: str = "", base: str | None = None) -> list[str]:
    """The three-extractor vote (see `body.py`) from `base` or a full-precision run, tidied."""
    return tidy_lines(combine(extract_all(tree, url, precision=base)), title)
