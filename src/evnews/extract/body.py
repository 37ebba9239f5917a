"""The article's own text: three extractions vote, then the lines are tidied.

Why three: trafilatura in precision mode is the best single extractor on the
benchmark (F1 0.964) but sometimes drops paragraphs, keeps a related-links
block or the publisher's boilerplate, or picks a fragment. Its recall-oriented
run and readability-lxml (a different algorithm, so its mistakes are mostly
different ones) are second opinions:

1. start from the precision run;
2. add lines that only the recall run found when readability also has them
   and they read as prose (whole sentences, not link lists or captions);
3. if readability found far more text that contains everything trafilatura
   found, trafilatura missed part of the article: take readability's text;
4. cut leading/trailing lines that readability does not confirm (related
   links, "about the company" boilerplate), but never long paragraphs at the
   start and never more than half of the text;
5. drop lines that are page chrome by their wording, and any tail section
   under a chrome heading ("Media contacts", "Related", "Comments").

Gold convention for `body_text`: one text block per line, no bullets, no
headline, no repeated copy of the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from readability import Document as Readability

from evnews.extract.agreement import Opinion, containment, support, words
from evnews.extract.chrome import drop_chrome

_BULLET = re.compile(r"^\s*(?:[-*•–]\s+|\|\s*)")
_PROSE_END = re.compile(r"[.!?:;\"”’)]$")
_TABLE_RULE = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*")  # "---|---|" under a header row
ADD_MIN_SUPPORT = 0.9  # a recall-only line needs readability to have nearly all of it
ADD_MIN_WORDS = 8
ALREADY_HAVE = 0.5  # a recall-only line half present in the base is a variant, not new
RESCUE_RATIO = 1.8  # readability text this much longer than ours ...
RESCUE_CONTAINS = 0.9  # ... and containing this share of ours: we missed a part
TRIM_MIN_RATIO = 0.5  # readability must be at least half our size to trim by it
TRIM_MAX_SHARE = 0.5  # never trim away more than half of the text
LEAD_PARAGRAPH_WORDS = 40  # a leading line this long is article, not chrome
STANDFIRST_WORDS = 12  # ... and so is a whole sentence this long (a standfirst)
COPY_SHARE = 0.6  # a repeat of the opening this large is a second copy of the article
# Readability only needs the content-bearing markup; stripping the rest first
# makes it about 3x faster here without changing its choices on the benchmark.
_NOT_FOR_READABILITY = ("script", "style", "noscript", "svg", "iframe", "form", "nav", "aside",
                        "footer", "header", "button", "select", "link", "meta", "template")


@dataclass(frozen=True, slots=True)
class Extractions:
    precision: str
    recall: str
    readability: str


def extract_all(tree: HtmlElement, url: str | None = None, precision: str | None = None) -> Extractions:
    """The three independent readings of one parsed page.

    `precision`, when given, is a precision reading the caller already has
    (see reading.py); otherwise trafilatura runs with its own fallbacks.
    """
    return Extractions(
        precision=trafilatura_text(tree, url, precision=True, fast=False) if precision is None else precision,
        # The recall run only proposes extra lines, and readability already
        # plays trafilatura's fallback, so it can skip the fallbacks (fast).
        recall=trafilatura_text(tree, url, precision=False, fast=True),
        readability=readability_text(tree),
    )


def trafilatura_text(tree: HtmlElement, url: str | None, *, precision: bool, fast: bool) -> str:
    """trafilatura's plain-text reading (it copies the tree, so `tree` stays intact)."""
    # Comments are never article text.
    text = trafilatura.extract(
        tree, url=url, favor_precision=precision, fast=fast, include_comments=False
    )
    return text or ""


def readability_text(tree: HtmlElement) -> str:
    pruned = deepcopy(tree)
    etree.strip_elements(pruned, *_NOT_FOR_READABILITY, with_tail=False)
    try:
        summary = Readability(pruned).summary(html_partial=True)
        return str(lxml.html.fromstring(summary).text_content()) if summary.strip() else ""
    except Exception:  # noqa: BLE001 - readability raises bare Exceptions on odd pages
        return ""  # a second opinion that failed just does not vote


def combine(found: Extractions) -> list[str]:
    """The voted article lines (see the module docstring for the steps)."""
    second = Opinion.of(found.readability)
    lines = add_confirmed(split_lines(found.precision), split_lines(found.recall), second)
    lines = restore_repeats(lines, split_lines(found.readability))
    ours = Opinion.of("\n".join(lines))
    if second.size > RESCUE_RATIO * ours.size and containment(ours, second) > RESCUE_CONTAINS:
        lines = split_lines(found.readability)
    else:
        lines = trim_unconfirmed_edges(lines, second, keep=list_items(found.precision))
    return drop_chrome(lines)


def list_items(text: str) -> set[str]:
    """Keys of the lines trafilatura printed as list items."""
    return {line_key(line) for line in text.splitlines() if _BULLET.match(line)}


def split_lines(text: str) -> list[str]:
    """Non-empty lines without the list bullets trafilatura prints."""
    lines = (_BULLET.sub("", line).strip() for line in text.splitlines())
    return [line for line in lines if line]


def add_confirmed(base: list[str], extra: list[str], second: Opinion) -> list[str]:
    """`base` plus lines only in `extra` that `second` confirms, in page order."""
    have = Opinion.of("\n".join(base))
    return _merge_in_order(
        base, extra, lambda line: support(line, have) < ALREADY_HAVE and _confirmed_prose(line, second)
    )


def restore_repeats(base: list[str], second: list[str]) -> list[str]:
    """Put back a paragraph the page prints twice but trafilatura kept once.

    trafilatura drops a paragraph whose text already appeared inside an
    earlier one (seed 004 ends by repeating its two target sentences). When
    readability has that paragraph on its own line and the text twice overall,
    while our lines have it once, the page really repeats it.
    """
    have = " " + " ".join(line_key(line) for line in base) + " "
    theirs = " " + " ".join(line_key(line) for line in second) + " "

    def repeated_on_page(line: str) -> bool:
        key = f" {line_key(line)} "
        return _is_prose(line) and have.count(key) == 1 and theirs.count(key) >= 2

    return _merge_in_order(base, second, repeated_on_page)


def _merge_in_order(base: list[str], donor: list[str], accept: Callable[[str], bool]) -> list[str]:
    """`base` with the donor's accepted new lines inserted where the donor has them."""
    position = {line_key(line): i for i, line in enumerate(base)}
    merged: list[str] = []
    cursor = 0
    for line in donor:
        at = position.get(line_key(line), -1)
        if at >= cursor:
            merged.extend(base[cursor : at + 1])
            cursor = at + 1
        elif at == -1 and accept(line):
            merged.append(line)
    merged.extend(base[cursor:])
    return merged


def _is_prose(line: str) -> bool:
    return len(words(line)) >= ADD_MIN_WORDS and bool(_PROSE_END.search(line))


def _confirmed_prose(line: str, second: Opinion) -> bool:
    return _is_prose(line) and support(line, second) >= ADD_MIN_SUPPORT


def trim_unconfirmed_edges(lines: list[str], second: Opinion, keep: set[str] | None = None) -> list[str]:
    """Drop the leading and trailing lines the second opinion does not have."""
    if not lines or second.size < TRIM_MIN_RATIO * Opinion.of("\n".join(lines)).size:
        return lines
    return trim_edges(lines, [support(line, second) >= 0.5 for line in lines], keep)


def trim_edges(lines: list[str], confirmed: list[bool], keep: set[str] | None = None) -> list[str]:
    """`lines` without the unconfirmed runs at either end.

    List items in `keep` stay at either end: a "key points" list above the
    story or an "at a glance" box below it is article text (often the
    figures) that readability tends to drop. So do long or standfirst lines
    at the start, and nothing is cut if that would take half the text.
    """
    if not any(confirmed):
        return lines
    first = confirmed.index(True)
    last = len(lines) - 1 - confirmed[::-1].index(True)
    protected = keep or set()
    while first > 0 and any(_lead_text(line, protected) for line in lines[:first]):
        first -= 1
    while last < len(lines) - 1 and any(line_key(line) in protected for line in lines[last + 1 :]):
        last += 1
    kept = lines[first : last + 1]
    if Opinion.of("\n".join(kept)).size < (1 - TRIM_MAX_SHARE) * Opinion.of("\n".join(lines)).size:
        return lines
    return kept


def _lead_text(line: str, protected: set[str]) -> bool:
    """A leading line that is article text even if readability left it out:
    a long paragraph, a protected list item, or a standfirst sentence."""
    size = len(words(line))
    return (size > LEAD_PARAGRAPH_WORDS or line_key(line) in protected
            or (size >= STANDFIRST_WORDS and bool(_PROSE_END.search(line))))


def plain_table_rows(lines: list[str]) -> list[str]:
    """Table rows as `a | b | c`: without the closing pipe and the `---|---|` rule that
    trafilatura's markdown adds (its opening pipe goes with the bullets, `split_lines`)."""
    return [_without_closing_pipe(line) for line in lines if not _TABLE_RULE.fullmatch(line)]


def _without_closing_pipe(line: str) -> str:
    row = line.rstrip()
    if row.endswith(" |") and " | " in row[:-2]:
        return row[:-2].rstrip()
    return line


def tidy_lines(lines: list[str], title: str = "") -> list[str]:
    """Lines without a repeated headline or repeated copies of the text."""
    return collapse_repeats(drop_headline(lines, title))


def drop_headline(lines: list[str], title: str) -> list[str]:
    """trafilatura sometimes starts the body with the headline; the title holds it."""
    key = line_key(title)
    if not key:
        return lines
    head = [i for i, line in enumerate(lines[:3]) if line_key(line) == key]
    return [line for i, line in enumerate(lines) if i not in head]


def collapse_repeats(lines: list[str]) -> list[str]:
    """Drop a second copy of the article that the page prints after the first.

    Only a copy of the article's opening run counts: pages legitimately repeat
    single paragraphs or sections (a meal plan per day, a pull quote), and the
    benchmark's truth keeps those.
    """
    keys = [line_key(line) for line in lines]
    for start in range(1, len(lines)):
        if keys[start] != keys[0]:
            continue
        run = _common_run(keys, start)
        first_copy_words = sum(len(k.split()) for k in keys[:start])
        copy_words = sum(len(k.split()) for k in keys[start : start + run])
        if first_copy_words and copy_words >= COPY_SHARE * first_copy_words:
            return lines[:start] + collapse_repeats(lines[start + run :])
    return lines


def _common_run(keys: list[str], start: int) -> int:
    """How many lines from `start` on repeat the lines from the top, in order."""
    run = 0
    while start + run < len(keys) and run < start and keys[start + run] == keys[run]:
        run += 1
    return run


def line_key(text: str) -> str:
    return " ".join(words(text.lower()))
