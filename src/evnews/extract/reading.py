"""The article's body text: one cheap extraction, and a vote only where it looks wrong.

The vote in `body.py` (trafilatura precision + trafilatura recall +
readability-lxml) is the most accurate reading we have, but it costs about
2.5x one plain trafilatura run. Most news pages do not need it: trafilatura in
fast precision mode (its main extractor without the fallbacks, about 0.4x)
already gets them right once chrome lines are dropped. So every page gets
that cheap reading first, `gate.suspicions` judges it, and a doubted page
gets the second opinions its doubts call for:

- only a line at the edge outside the block holding the article's paragraphs
  (kicker labels, newsletter boxes): the page structure is the second
  opinion; edge runs outside the block are cut, except a standfirst and list
  items (fact boxes). No second extractor runs.
- a short reading: trafilatura again with its own fallbacks (which exist for
  exactly that case), its recall run and readability, all voting;
- prose missing from the reading: the fast reading, the recall run and
  readability vote (readability's rescue and the confirmed additions);
- other doubts about the edges (link text, boilerplate, a dropped repeat):
  the fast reading and readability, which confirms or trims edges and
  restores repeats; a recall run would only propose more lines.

Measured on the benchmark, the lighter votes give the same text as the full
vote on every doubted page but one (where they are better).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from lxml.html import HtmlElement

from evnews.extract.body import (
    Extractions,
    combine,
    extract_all,
    line_key,
    list_items,
    plain_table_rows,
    readability_text,
    split_lines,
    tidy_lines,
    trim_edges,
    trafilatura_text,
)
from evnews.extract.agreement import words
from evnews.extract.chrome import drop_chrome
from evnews.extract.gate import (
    HEAD_LINES,
    Paragraph,
    link_texts,
    lines_in_article_block,
    prose_paragraphs,
    suspicions,
)
from evnews.extract.precleaning import set_aside
from evnews.extract.skipped import restore_skipped

SecondOpinions = Literal["auto", "always", "never"]
DEK_WORDS = 8


@dataclass(frozen=True, slots=True)
class BodyReading:
    """The body lines of one page, what the gate doubted, and whether a second extractor ran."""

    lines: tuple[str, ...]
    doubts: tuple[str, ...] = ()  # gate reasons; "always" when the caller forced the vote
    voted: bool = False  # a second extractor ran (the expensive path)


def read_body(
    tree: HtmlElement, url: str | None, title: str = "", *, second_opinions: SecondOpinions = "auto"
) -> BodyReading:
    """Body lines of `tree`: the cheap reading unless the gate doubts it, with the
    sub-headings and list items trafilatura skipped inside the article put back
    (`skipped.py`) and table rows written as `a | b | c`.

    `second_opinions` is for measuring the gate: "always" votes on every page
    (the most accurate, slowest reading), "never" keeps every cheap reading.
    """
    # The gate and the restoring both need the page's prose paragraphs: one walk for both.
    paragraphs = list(prose_paragraphs(tree))
    reading = _reading(tree, url, title, second_opinions, paragraphs)
    lines = plain_table_rows(restore_skipped(list(reading.lines), tree, paragraphs))
    return reading if lines == list(reading.lines) else replace(reading, lines=tuple(lines))


def _reading(
    tree: HtmlElement, url: str | None, title: str, second_opinions: SecondOpinions, paragraphs: list[Paragraph]
) -> BodyReading:
    if second_opinions == "always":
        return BodyReading(tuple(voted_lines(tree, url, title)), ("always",), voted=True)
    first = fast_precision_text(tree, url)
    cheap = cheap_lines(first, title)
    doubts = suspicions(cheap, tree, paragraphs) if second_opinions == "auto" else ()
    if not doubts:
        return BodyReading(tuple(cheap))
    if doubts == ("stray-edges",):
        return BodyReading(tuple(_trim_stray_edges(cheap, tree, first, paragraphs)), doubts)
    if "short" in doubts:
        found = extract_all(tree, url)
    elif "missed-prose" in doubts:
        found = extract_all(tree, url, precision=first)
    else:
        # Doubts about the edges only: readability's confirmation is what trims
        # them; a recall run would only propose lines to add, so skip it.
        found = Extractions(precision=first, recall=first, readability=readability_text(tree))
    return BodyReading(tuple(tidy_lines(combine(found), title)), doubts, voted=True)


def fast_precision_text(tree: HtmlElement, url: str | None) -> str:
    """trafilatura's fast precision reading, without handing it the markup it would delete unread."""
    with set_aside(tree) as trimmed:
        return trafilatura_text(trimmed, url, precision=True, fast=True)


def cheap_lines(fast_precision_text: str, title: str = "") -> list[str]:
    """trafilatura's fast precision reading without chrome lines, headline or repeated copies."""
    return tidy_lines(drop_chrome(split_lines(fast_precision_text)), title)


def voted_lines(tree: HtmlElement, url: str | None, title: str = "", base: str | None = None) -> list[str]:
    """The three-extractor vote (see `body.py`) from `base` or a full-precision run, tidied."""
    return tidy_lines(combine(extract_all(tree, url, precision=base)), title)


def _trim_stray_edges(
    lines: list[str], tree: HtmlElement, fast_text: str, paragraphs: list[Paragraph]
) -> list[str]:
    """Cut edge lines outside the article's block: the page structure is the second opinion.

    Kept at the start: a standfirst (a line of DEK_WORDS words or more that is
    no link; a related headline is a link) and, at either end, list items.
    """
    inside = lines_in_article_block(lines, tree, paragraphs)
    if inside is None:
        return lines
    links = link_texts(tree)
    deks = {line_key(line) for line in lines[:HEAD_LINES]
            if len(words(line)) >= DEK_WORDS and " ".join(line.split()) not in links}
    return trim_edges(lines, inside, keep=list_items(fast_text) | deks)
