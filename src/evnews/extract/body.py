"""The article's own text: trafilatura's output, judged and tidied.

Gold convention for `body_text`: one text block per line (paragraph, subheading,
list item, quote), no bullet characters, no headline, no repeated copy of the
article, no page chrome.
"""

from __future__ import annotations

import re

import trafilatura
from lxml.html import HtmlElement

_BULLET = re.compile(r"^\s*(?:[-*•–]\s+|\|\s*)")
_WORDS = re.compile(r"\w+")


def trafilatura_text(tree: HtmlElement, url: str | None = None, *, precision: bool = True) -> str:
    """Main text by trafilatura without comments (which would count as article text)."""
    text = trafilatura.extract(
        tree,
        url=url,
        favor_precision=precision,
        include_comments=False,
        include_tables=True,
        with_metadata=False,
    )
    return text or ""


def tidy_lines(text: str, title: str = "") -> list[str]:
    """Lines without bullets, blank lines, a repeated headline or repeated copies."""
    lines = [_BULLET.sub("", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    lines = drop_headline(lines, title)
    return collapse_repeats(lines)


def drop_headline(lines: list[str], title: str) -> list[str]:
    """trafilatura sometimes starts the body with the headline; the title holds it."""
    key = _key(title)
    if not key:
        return lines
    head = [i for i, line in enumerate(lines[:3]) if _key(line) == key]
    return [line for i, line in enumerate(lines) if i not in head]


def collapse_repeats(lines: list[str]) -> list[str]:
    """Keep the first copy of any block the page prints again.

    A long line seen before is a repeat. A short line (a subheading, a list
    item) is dropped only when it sits in a run of repeats, since short lines
    such as "Yes." may legitimately occur twice.
    """
    seen: set[str] = set()
    repeated = []
    for line in lines:
        key = _key(line)
        repeated.append(key in seen)
        seen.add(key)
    kept = []
    for i, line in enumerate(lines):
        long_line = len(_WORDS.findall(line)) >= 8
        neighbours = repeated[max(0, i - 1) : i] + repeated[i + 1 : i + 2]
        if repeated[i] and (long_line or any(neighbours)):
            continue
        kept.append(line)
    return kept


def _key(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))
