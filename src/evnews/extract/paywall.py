"""Honest signals that a page shows only part of its article.

A page is partial when the publisher says so (JSON-LD `isAccessibleForFree:
false`) or when the page prints a truncation notice ("subscribe to continue
reading"). A metering banner ("3 free articles left") is not one: the article
under it is whole.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from evnews.extract.meta import PageMeta

_TRUNCATION = re.compile(
    r"(subscribe|sign in|log in|register)\s+(now\s+)?to\s+(continue|keep)\s+reading"
    r"|(continue|keep)\s+reading\s+(with|by)\s+(a\s+)?(subscri|sign|regist)"
    r"|(to\s+)?read\s+the\s+(full|rest\s+of\s+(the|this))\s+(article|story)"
    r"|(this|the\s+rest\s+of\s+this)\s+(article|story|content)\s+is\s+(only\s+)?"
    r"(available\s+)?(for|to)\s+(paid\s+)?(subscribers|members)"
    r"|subscribers?[-\s]only\s+(article|content|story)"
    r"|already\s+a\s+subscriber\?",
    re.IGNORECASE,
)
# Every _TRUNCATION match holds "read" ("reading", "already") or "ber"
# ("subscriber", "members"), and case-insensitive matching pairs these letters
# only with their ASCII capitals: a lower-cased line without either cannot
# match, and most lines are rejected by two substring searches instead of
# the regex (0.12 ms for three paragraphs).
_TRUNCATION_HINTS = ("read", "ber")
_GATE_CLASS = re.compile(r"paywall(?!-meter)|regwall|subscriber-only|premium-(content|gate)|"
                         r"article-gate|piano-(offer|inline)|truncat", re.IGNORECASE)
# Cheap pre-filters: the tree is only searched on pages whose source contains
# one of these (every _GATE_CLASS match contains one), and the truncation
# regex only runs around the trigger words.
_GATE_WORDS = ("paywall", "regwall", "subscriber-only", "premium-content", "premium-gate",
               "article-gate", "piano-offer", "piano-inline", "truncat")
_GATE_NODES = etree.XPath(
    "//body//*[contains(@class,'paywall') or contains(@id,'paywall') or contains(@class,'regwall')"
    " or contains(@class,'subscriber-only') or contains(@class,'premium-') or contains(@class,'gate')"
    " or contains(@class,'piano-') or contains(@class,'truncat')]"
)
_TEXT_TRIGGERS = ("reading", "subscriber", "full article", "full story", "rest of this", "members")
_WINDOW = 160


def looks_partial(
    tree: HtmlElement, meta: PageMeta, lines: list[str], html: str = "", page_text: str | None = None
) -> bool:
    """True when the page itself says some of the article is held back.

    `html` (the decoded page) lets the scan skip the tree walk on the many
    pages that mention no gate at all; `page_text` (the body's text, if the
    caller already has it) saves reading the tree's text again.
    """
    if meta.free_to_read is False:
        return True
    if any(_is_truncation_line(line) for line in lines[-3:]):
        return True
    lowered = html.lower()
    if not html or any(word in lowered for word in _GATE_WORDS):
        for node in _GATE_NODES(tree):
            if _GATE_CLASS.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
                return True
    return has_truncation_notice(body_text(tree) if page_text is None else page_text)


def _is_truncation_line(line: str) -> bool:
    lowered = line.lower()
    return any(hint in lowered for hint in _TRUNCATION_HINTS) and bool(_TRUNCATION.search(line))


def body_text(tree: HtmlElement) -> str:
    """All text of the page's `<body>` (or of the whole tree without one)."""
    body = tree.find("body")
    return str((body if body is not None else tree).text_content())


def has_truncation_notice(page_text: str) -> bool:
    text = page_text.lower()
    for trigger in _TEXT_TRIGGERS:
        at = text.find(trigger)
        while at != -1:
            if _TRUNCATION.search(text[max(0, at - _WINDOW) : at + _WINDOW]):
                return True
            at = text.find(trigger, at + 1)
    return False
